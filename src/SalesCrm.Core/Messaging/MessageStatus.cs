namespace SalesCrm.Core.Messaging;

/// <summary>
/// Inbound messages are <c>received</c>; outbound ones move queued → sent → delivered → read, or failed. The rules for
/// statuses reported by WhatsApp are <see cref="MessageStatusRules"/>.
/// </summary>
public enum MessageStatus { Received, Queued, Sent, Delivered, Read, Failed, Sending }
