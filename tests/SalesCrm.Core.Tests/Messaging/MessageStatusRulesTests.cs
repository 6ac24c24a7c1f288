using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Tests.Messaging;

public class MessageStatusRulesTests
{
    [Theory]
    [InlineData(MessageStatus.Sent, MessageStatus.Delivered, true)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Read, true)]
    [InlineData(MessageStatus.Read, MessageStatus.Delivered, false)] // delivered after read ends read
    [InlineData(MessageStatus.Read, MessageStatus.Sent, false)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Delivered, false)] // a repeat changes nothing
    [InlineData(MessageStatus.Sent, MessageStatus.Failed, true)]
    [InlineData(MessageStatus.Failed, MessageStatus.Sent, false)] // failed is final until our retry
    [InlineData(MessageStatus.Failed, MessageStatus.Read, false)]
    [InlineData(MessageStatus.Failed, MessageStatus.Failed, false)]
    [InlineData(MessageStatus.Queued, MessageStatus.Sent, true)]
    [InlineData(MessageStatus.Read, MessageStatus.Failed, false)] // read reached the phone: it cannot have failed
    [InlineData(MessageStatus.Delivered, MessageStatus.Failed, false)]
    [InlineData(MessageStatus.Queued, MessageStatus.Failed, true)]
    [InlineData(MessageStatus.Sending, MessageStatus.Sent, true)]
    public void Outbound_statuses_move_by_the_rules(MessageStatus current, MessageStatus reported, bool moves) =>
        Assert.Equal(moves, MessageStatusRules.Moves(MessageDirection.Outbound, current, reported));

    [Fact]
    public void Inbound_messages_take_no_delivery_status() =>
        Assert.False(MessageStatusRules.Moves(MessageDirection.Inbound, MessageStatus.Received, MessageStatus.Read));

    [Fact]
    public void A_failure_keeps_its_error_and_a_repeat_leaves_the_time_alone()
    {
        var at = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        var message = new Message { Direction = MessageDirection.Outbound, Status = MessageStatus.Sent };
        Assert.True(MessageStatusRules.Apply(message, MessageStatus.Failed, "131026: Message undeliverable", at));
        Assert.False(MessageStatusRules.Apply(message, MessageStatus.Failed, "other", at.AddSeconds(5)));
        Assert.Equal((MessageStatus.Failed, "131026: Message undeliverable", at), (message.Status, message.Error, message.StatusAt));
    }
}
