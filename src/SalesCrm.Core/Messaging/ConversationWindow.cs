namespace SalesCrm.Core.Messaging;

/// <summary>
/// What a composer may send to a lead now (<see cref="OutboundMessageService.WindowAsync"/>): <paramref name="CanSendFreeText"/>
/// while WhatsApp's 24-hour customer service window is open, until <paramref name="ClosesAt"/> (UTC; null when the lead
/// never wrote); <paramref name="LeadVariables"/> are the template variables the lead fills itself, so a composer asks only for the others.
/// </summary>
public sealed record ConversationWindow(bool CanSendFreeText, DateTime? ClosesAt, IReadOnlyList<string> LeadVariables);
