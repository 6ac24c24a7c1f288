namespace SalesCrm.Core.Messaging;

/// <summary>What an entry of a WhatsApp webhook's <c>messages[]</c> is to the CRM; the table of types is on <see cref="Integrations.WhatsAppPayload"/>.</summary>
public enum InboundMessageKind
{
    /// <summary>Something the customer wrote or sent: a conversation message, unread until seen, <c>whatsapp.received</c>.</summary>
    Customer,
    /// <summary>An emoji reaction (or its removal) to an earlier message: attached to that message, nothing new.</summary>
    Reaction,
    /// <summary>A notice from WhatsApp about the customer (e.g. a changed number): a timeline note on a known lead, not a message.</summary>
    Notice,
    /// <summary>Carries nothing to keep (e.g. <c>request_welcome</c>): acknowledged and dropped.</summary>
    Ignored,
}
