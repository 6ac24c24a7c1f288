namespace SalesCrm.Core.Analytics;

/// <summary><c>GET /analytics/team</c>: one row per member, ranked by value won in the period (the leaderboard). A rep who sees only their own leads gets only their own row.</summary>
public sealed record TeamReport(string Currency, DateOnly From, DateOnly To, IReadOnlyList<TeamMemberFigures> Members);

/// <param name="Leads">Open leads the member owns now.</param>
/// <param name="Won">Deals the member owned when they were won in the period; <paramref name="ValueWon"/> their value then.</param>
/// <param name="WinRate">Won ÷ (won + lost) in the period, 0–1.</param>
/// <param name="ActivitiesDone">Activities assigned to the member and completed in the period.</param>
/// <param name="ActivitiesOverdue">Their open activities past due now.</param>
/// <param name="LeadsUrl">The open leads the member owns now (lead list).</param>
/// <param name="WonLeadsUrl">The deals behind <paramref name="Won"/>: won in the period while the member owned them (drill-down <c>won</c>, <c>closer_id</c>).</param>
/// <param name="AvgResponseMinutes">Mean time to answer an inbound message, over the member's answers in the period.</param>
public sealed record TeamMemberFigures(Guid UserId, string Name, int Rank, int Leads, int Won, decimal ValueWon, int Lost, double? WinRate, int ActivitiesDone,
    int ActivitiesOverdue, double? AvgResponseMinutes, int Responses, string LeadsUrl, string WonLeadsUrl);
