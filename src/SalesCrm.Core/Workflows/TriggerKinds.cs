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
}
