using SalesCrm.Core.Events;

namespace SalesCrm.Core.Gamification;

/// <summary>The scoring table every workspace starts with; managers override entries (<see cref="PointRule"/>).</summary>
public static class PointRules
{
    /// <summary>A reply (WhatsApp, call, e-mail) to a waiting customer within the threshold, read from <c>lead_responses</c>.</summary>
    public const string FastReply = "fast_reply";

    /// <summary>Minutes within which a reply is fast unless the workspace says otherwise.</summary>
    public const int DefaultFastReplyMinutes = 15;

    public static readonly IReadOnlyList<PointRuleDto> Defaults =
    [
        new(EventTypes.CallCompleted, 5, true, null),
        new(EventTypes.VisitCompleted, 10, true, null),
        new(EventTypes.MeetingCompleted, 8, true, null),
        new(EventTypes.ProposalSent, 15, true, null),
        new(EventTypes.DealWon, 50, true, null),
        new(FastReply, 5, true, DefaultFastReplyMinutes),
        new(EventTypes.QuizCompleted, 10, true, null),
        new(EventTypes.CheckInCreated, 5, true, null),
    ];

    public static bool IsKey(string key) => Defaults.Any(d => d.Key == key);

    /// <summary>The effective table: each default, replaced by the workspace's row for its key when there is one.</summary>
    public static IReadOnlyList<PointRuleDto> Effective(IEnumerable<PointRule> stored)
    {
        var byKey = stored.ToDictionary(r => r.Key, StringComparer.Ordinal);
        return Defaults.Select(d => byKey.TryGetValue(d.Key, out var r)
            ? new PointRuleDto(d.Key, r.Points, r.Enabled, d.Key == FastReply ? r.ThresholdMinutes ?? DefaultFastReplyMinutes : null)
            : d).ToList();
    }
}
