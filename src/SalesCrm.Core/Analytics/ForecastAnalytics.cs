using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Analytics;

/// <summary>The forecast (<see cref="ForecastReport"/>). Needs <c>reports.view</c>.</summary>
public sealed class ForecastAnalytics(AnalyticsScopes scopes)
{
    public const int DefaultCommitProbability = 70;

    /// <summary>
    /// Whole months from the month of <c>from</c> to the month of <c>to</c> (default: three months back to five ahead).
    /// <paramref name="commitProbability"/> (0–100, default 70) is the stage probability from which a deal counts as commit;
    /// outside that range a 400 on <c>commit_probability</c>. Other errors: see <see cref="AnalyticsScopes.OpenAsync"/>.
    /// </summary>
    public async Task<ForecastReport> GetAsync(AnalyticsRequest request, int? commitProbability = null, CancellationToken ct = default)
    {
        var commit = commitProbability ?? DefaultCommitProbability;
        if (commit is < 0 or > 100) throw new ValidationException("commit_probability", "must be between 0 and 100.");
        await using var probe = await scopes.OpenAsync(request with { From = null, To = null }, ct);
        var today = probe.Today;
        var from = ReportPeriod.BucketStart(request.From ?? today.AddMonths(-3), PeriodGrain.Month);
        var to = ReportPeriod.BucketStart(request.To ?? today.AddMonths(5), PeriodGrain.Month).AddMonths(1).AddDays(-1);
        await probe.DisposeAsync();
        await using var scope = await scopes.OpenAsync(request with { From = from, To = to }, ct);
        var cur = scope.Currency;
        var months = scope.Period.Buckets(PeriodGrain.Month);
        var starts = months.Select(m => (DateOnly?)m.Start).ToList();

        var open = scope.Leads.Where(l => l.Status == LeadStatus.Open && l.ExpectedCloseDate >= from && l.ExpectedCloseDate <= to)
            .Join(scope.Db.Stages, l => l.StageId, s => s.Id, (l, s) => new ForecastRow
            {
                ExpectedCloseDate = l.ExpectedCloseDate, OwnerId = l.OwnerId, PipelineId = l.PipelineId, ValueCents = l.Currency == cur ? l.ValueCents : 0,
                Probability = s.Probability,
            });
        var byMonth = await open.GroupBy(ReportPeriod.BucketIndex<ForecastRow, DateOnly?>(r => r.ExpectedCloseDate, starts))
            .Select(g => new
            {
                g.Key, Deals = g.Count(), Overdue = g.Count(r => r.ExpectedCloseDate < today), Best = g.Sum(r => r.ValueCents),
                Weighted = g.Sum(r => r.ValueCents * r.Probability), Commit = g.Sum(r => r.Probability >= commit ? r.ValueCents : 0),
            }).ToDictionaryAsync(g => g.Key, ct);
        var monthStarts = months.Select(m => scope.Period.UtcStartOf(m.Start)).ToList();
        var won = await scope.Closings.Where(h => h.ToStatus == LeadStatus.Won).GroupBy(ReportPeriod.BucketIndex<LeadStageHistory, DateTime>(h => h.At, monthStarts))
            .Select(g => new { g.Key, Count = g.Count(), Cents = g.Sum(h => h.Currency == cur ? h.ValueCents : 0) }).ToDictionaryAsync(g => g.Key, ct);
        var rows = months.Select((m, i) =>
        {
            var f = byMonth.GetValueOrDefault(i);
            var w = won.GetValueOrDefault(i);
            var end = m.Start.AddMonths(1).AddDays(-1);
            return new ForecastMonth(m.Label, Math.Round(AnalyticsScope.Money(f?.Weighted ?? 0) / 100m, 2), AnalyticsScope.Money(f?.Best ?? 0),
                AnalyticsScope.Money(f?.Commit ?? 0), f?.Deals ?? 0, f?.Overdue ?? 0, AnalyticsScope.Money(w?.Cents ?? 0), w?.Count ?? 0,
                scope.LeadsUrl(("status", "eq.open"), ("expected_close_date", $"gte.{Day(m.Start)}"), ("expected_close_date", $"lte.{Day(end)}")),
                scope.DrillUrl("won", m.Start, end));
        }).ToList();

        var overdue = scope.Leads.Where(l => l.Status == LeadStatus.Open && l.ExpectedCloseDate < today);
        var overdueFigures = new OverdueFigures(await overdue.CountAsync(ct), AnalyticsScope.Money(await overdue.Where(l => l.Currency == cur).SumAsync(l => l.ValueCents, ct)),
            scope.LeadsUrl(("status", "eq.open"), ("expected_close_date", $"lt.{Day(today)}")));
        var byOwner = await SlicesAsync(open.GroupBy(r => r.OwnerId), commit, ct);
        var ownerIds = byOwner.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToList();
        var owners = await scope.Db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var byPipeline = await SlicesAsync(open.GroupBy(r => (Guid?)r.PipelineId), commit, ct);
        var pipelines = await scope.Db.Pipelines.ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        // The open deals behind a slice, as the lead list filters them (deals without an owner have no such filter: no drill-down).
        string SliceLeads(string field, Guid id) => scope.LeadsUrl(("status", "eq.open"), ("expected_close_date", $"gte.{Day(from)}"),
            ("expected_close_date", $"lte.{Day(to)}"), (field, $"eq.{id}"));
        return new ForecastReport(cur, from, to, commit, rows, overdueFigures,
            byOwner.Select(s => s with { Name = s.Id is { } o ? owners.GetValueOrDefault(o) : null, Leads = s.Id is { } id ? SliceLeads("owner_id", id) : null }).ToList(),
            byPipeline.Select(s => s with { Name = s.Id is { } p ? pipelines.GetValueOrDefault(p) : null, Leads = s.Id is { } id ? SliceLeads("pipeline_id", id) : null }).ToList(),
            await scope.OtherCurrenciesAsync(scope.Leads.Where(l => l.Status == LeadStatus.Open && l.ExpectedCloseDate >= from && l.ExpectedCloseDate <= to), ct));
    }

    private static async Task<List<ForecastSlice>> SlicesAsync(IQueryable<IGrouping<Guid?, ForecastRow>> groups, int commit, CancellationToken ct) =>
        (await groups.Select(g => new { g.Key, Deals = g.Count(), Best = g.Sum(r => r.ValueCents), Weighted = g.Sum(r => r.ValueCents * r.Probability),
                Commit = g.Sum(r => r.Probability >= commit ? r.ValueCents : 0) }).ToListAsync(ct))
        .Select(g => new ForecastSlice(g.Key, null, Math.Round(AnalyticsScope.Money(g.Weighted) / 100m, 2), AnalyticsScope.Money(g.Best), AnalyticsScope.Money(g.Commit), g.Deals))
        .OrderByDescending(s => s.Weighted).ToList();

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What the forecast reads of an open deal, projected in SQL (value already 0 outside the report's currency).</summary>
    private sealed class ForecastRow
    {
        public DateOnly? ExpectedCloseDate { get; init; }
        public Guid? OwnerId { get; init; }
        public Guid PipelineId { get; init; }
        public long ValueCents { get; init; }
        public int Probability { get; init; }
    }
}
