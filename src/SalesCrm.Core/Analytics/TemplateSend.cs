using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Analytics;

/// <summary>One template message sent in the period, as the template figures and their drill-down read it: <see cref="Replied"/> when its lead wrote within 24 h.</summary>
public sealed record TemplateSend(Guid TemplateId, Guid LeadId, MessageStatus Status, bool Replied)
{
    /// <summary>The statuses the template figures count as sent (a queued or failed send is not).</summary>
    public static readonly IReadOnlyList<MessageStatus> SentStatuses = [MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Read];

    /// <summary>The drill-down statuses, in the order a send goes through them.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["sent", "delivered", "read", "replied"];

    public bool WasSent => SentStatuses.Contains(Status);

    /// <summary>Whether this send reached <paramref name="status"/> (one of <see cref="Statuses"/>).</summary>
    public bool Reached(string status) => status switch
    {
        "sent" => WasSent,
        "delivered" => Status is MessageStatus.Delivered or MessageStatus.Read,
        "read" => Status == MessageStatus.Read,
        "replied" => WasSent && Replied,
        _ => false,
    };
}
