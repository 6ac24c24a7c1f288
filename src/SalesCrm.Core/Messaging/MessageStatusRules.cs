namespace SalesCrm.Core.Messaging;

/// <summary>
/// How a delivery status reported by WhatsApp changes an outbound message. Meta does not guarantee the order of status
/// webhooks and may repeat them, so statuses are a state machine, not a timeline:
/// <list type="bullet">
/// <item>queued → sent → delivered → read only moves forward: <c>delivered</c> after <c>read</c> leaves <c>read</c>.</item>
/// <item><c>failed</c> wins over queued and sent and is final: a late <c>sent</c> does not undo it. Only a new send
/// attempt of ours (<see cref="OutboundMessageService.RetryAsync"/>) leaves it, by setting the state from the send's answer.</item>
/// <item>A message <c>delivered</c> or <c>read</c> reached the phone, so it cannot have failed: a <c>failed</c> after
/// either changes nothing (nothing recorded, no event).</item>
/// <item>The same state again changes nothing (so no second event is published).</item>
/// <item>Inbound messages have no delivery status.</item>
/// </list>
/// </summary>
public static class MessageStatusRules
{
    /// <summary>Applies <paramref name="reported"/> (at WhatsApp's time <paramref name="at"/>, UTC) if the rules allow; true when the message changed.</summary>
    public static bool Apply(Message message, MessageStatus reported, string? error, DateTime at)
    {
        if (!Moves(message.Direction, message.Status, reported)) return false;
        message.Status = reported;
        message.StatusAt = at;
        if (error is not null) message.Error = error;
        return true;
    }

    /// <summary>Whether a message in <paramref name="current"/> moves to <paramref name="reported"/>.</summary>
    public static bool Moves(MessageDirection direction, MessageStatus current, MessageStatus reported) =>
        direction == MessageDirection.Outbound && current != MessageStatus.Failed && reported != current
        && (reported == MessageStatus.Failed ? Rank(current) < Rank(MessageStatus.Delivered) : Rank(reported) > Rank(current));

    private static int Rank(MessageStatus status) => status switch
    {
        MessageStatus.Queued or MessageStatus.Sending => 0,
        MessageStatus.Sent => 1,
        MessageStatus.Delivered => 2,
        MessageStatus.Read => 3,
        _ => -1,
    };
}
