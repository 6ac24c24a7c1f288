namespace SalesCrm.Core.Analytics;

/// <summary>
/// <c>GET /analytics/forecast</c>: per month of the period, open deals by expected close date — weighted (value × stage
/// probability), best case (all of their value) and commit (deals in stages at or above <see cref="CommitProbability"/>) — next
/// to what was won in that month; deals whose close date has passed are flagged; the same figures per owner and pipeline.
/// </summary>
public sealed record ForecastReport(string Currency, DateOnly From, DateOnly To, int CommitProbability, IReadOnlyList<ForecastMonth> Months, OverdueFigures Overdue,
    IReadOnlyList<ForecastSlice> ByOwner, IReadOnlyList<ForecastSlice> ByPipeline, IReadOnlyList<CurrencyShare> OtherCurrencies);

/// <param name="Month"><c>2026-12</c>.</param>
/// <param name="Deals">Open deals expected to close in the month.</param>
/// <param name="OverdueDeals">Of those, the ones whose close date has already passed.</param>
/// <param name="Won">Value won in the month (at the time it was won); <paramref name="WonCount"/> how many deals.</param>
public sealed record ForecastMonth(string Month, decimal Weighted, decimal BestCase, decimal Commit, int Deals, int OverdueDeals, decimal Won, int WonCount, string Leads,
    string WonLeads);

/// <summary>Open deals whose expected close date is before today (in the period or not).</summary>
public sealed record OverdueFigures(int Count, decimal Value, string Leads);

/// <summary>The period's forecast for one owner (<c>id</c> null: unassigned) or pipeline; <c>leads</c> the lead-list URL of its open deals (null when unassigned).</summary>
public sealed record ForecastSlice(Guid? Id, string? Name, decimal Weighted, decimal BestCase, decimal Commit, int Deals, string? Leads = null);
