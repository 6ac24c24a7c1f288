namespace SalesCrm.Core.Analytics;

/// <summary>
/// <c>GET /analytics/leads</c>: leads created in the period grouped by <see cref="GroupBy"/> (with how many are won and their
/// value), speed-to-lead over those leads, and the open leads nobody has contacted yet (any time).
/// </summary>
public sealed record LeadsReport(string Currency, DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<LeadGroup> Groups, SpeedToLead SpeedToLead,
    NotContacted NotContacted, IReadOnlyList<CurrencyShare> OtherCurrencies);

/// <param name="Key">The group's API value (<c>whatsapp</c>, a campaign, an owner id, <c>2026-10</c>); null for leads without one.</param>
/// <param name="Label">What to show: a member's, stage's or pipeline's name, else the key.</param>
public sealed record LeadGroup(string? Key, string? Label, int Count, int Won, decimal ValueWon, string Leads);

/// <summary>Time from a lead's creation to the team's first outbound contact, over the period's new leads.</summary>
/// <param name="Answered">Leads contacted so far; the rest are still waiting.</param>
public sealed record SpeedToLead(int Leads, int Answered, double? AvgMinutes, double? MedianMinutes, IReadOnlyList<DurationBucket> Distribution);

/// <summary>Answers within <paramref name="UpToMinutes"/> (and over the previous bucket's); null: longer than every bound.</summary>
/// <param name="Bucket">The bucket's name (<c>&lt;=5m</c> … <c>&gt;1440m</c>), also the drill-down's <c>bucket</c>.</param>
/// <param name="Leads">The drill-down URL of the leads behind the bucket (speed-to-lead only; null where there is none).</param>
public sealed record DurationBucket(string Bucket, int? UpToMinutes, int Count, string? Leads = null);

/// <summary>Open leads whose creation has had no outbound contact yet.</summary>
public sealed record NotContacted(int Count, string Leads);
