namespace SalesCrm.Core.Workflows;

/// <summary>The <c>kind</c> setting of a <c>trigger</c> node.</summary>
public static class TriggerKinds
{
    public const string Event = "event";
    public const string Schedule = "schedule";
    public const string Manual = "manual";
    public const string Webhook = "webhook";
    public const string InboundMessage = "inbound_message";

    public static readonly IReadOnlyList<string> All = [Event, Schedule, Manual, Webhook, InboundMessage];

    /// <summary>
    /// The trigger settings each kind reads (besides <c>kind</c> and <c>label</c>): an event's type and filter, a
    /// schedule's cron, an inbound message's keywords and first-message flag; a manual or webhook start reads none.
    /// </summary>
    public static IReadOnlyList<string> SettingsOf(string? kind) => kind switch
    {
        Event => ["event_type", "filter"],
        Schedule => ["cron"],
        InboundMessage => ["keywords", "first_message_only"],
        _ => [],
    };
}
