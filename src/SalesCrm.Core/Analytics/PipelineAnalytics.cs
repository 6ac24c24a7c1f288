using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;

namespace SalesCrm.Core.Analytics;

/// <summary>The pipeline dashboard (<see cref="PipelineReport"/>): stage snapshot, conversion, time in stage, won and lost. Needs <c>reports.view</c>.</summary>
public sealed class PipelineAnalytics(AnalyticsScopes scopes)
{
    /// <summary>
    /// The report of <see cref="AnalyticsRequest.PipelineId"/> (the default pipeline when absent) over the request's period;
    /// <c>group_by</c> (day, week, month; default month) cuts <see cref="PipelineReport.ByPeriod"/>. Errors: see <see cref="AnalyticsScopes.OpenAsync"/>.
    /// </summary>
    public async Task<PipelineReport> GetAsync(AnalyticsRequest request, CancellationToken ct = default)
    {
        var grain = AnalyticsScopes.Grain(request.GroupBy);
        await using var scope = await scopes.OpenAsync(request, ct);
        var db = scope.Db;
        var pipeline = await db.Pipelines.AsNoTracking().Include(p => p.Stages)
                           .Where(p => request.PipelineId == null ? p.IsDefault : p.Id == request.PipelineId).OrderBy(p => p.Order).FirstOrDefaultAsync(ct)
                       ?? await db.Pipelines.AsNoTracking().Include(p => p.Stages).OrderBy(p => p.Order).FirstAsync(ct);
        var pid = pipeline.Id;
        var cur = scope.Currency;
        // The funnel's paths of the leads that cross the period's edges are its costliest query (at 100,000 leads, a grouping of
        // 170,000 history rows by lead); it runs on its own connection while this one reads the rest (ADR 054). Task.Run:
        // Microsoft.Data.Sqlite's async methods complete synchronously, so without it the two would run in turn.
        await using var crossingScope = await scopes.ForkAsync(scope, ct);
        var crossing = Task.Run(() => CrossingPathsAsync(crossingScope, pid, pipeline.Stages, ct), ct);
        try
        {
            var leads = scope.AllPipelines.Where(l => l.PipelineId == pid);
            var history = scope.History.Where(h => h.PipelineId == pid);

            // One pass over the pipeline's leads by stage and currency gives the stage snapshot (count, value in the workspace's
            // currency) and the leads in other currencies (the report's note), which took a second scan of every lead before.
            var byCurrency = await leads.GroupBy(l => new { l.StageId, l.Currency })
                .Select(g => new { g.Key.StageId, g.Key.Currency, Count = g.Count(), Cents = g.Sum(l => l.ValueCents) }).ToListAsync(ct);
            var now = byCurrency.GroupBy(r => r.StageId)
                .ToDictionary(g => g.Key, g => new { Count = g.Sum(r => r.Count), Cents = g.Where(r => r.Currency == cur).Sum(r => r.Cents) });
            var others = byCurrency.Where(r => r.Currency != cur).GroupBy(r => r.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CurrencyShare(g.Key, g.Sum(r => r.Count))).ToList();
            var stays = await history.Where(h => h.FromStageId != null && h.SecondsInFromStage != null).GroupBy(h => h.FromStageId!.Value)
                .Select(g => new { g.Key, Avg = g.Average(h => (double)h.SecondsInFromStage!.Value) }).ToDictionaryAsync(g => g.Key, g => g.Avg / 86400, ct);

            var closings = scope.Closings.Where(h => h.PipelineId == pid);
            var byReason = await closings.Where(h => h.ToStatus == LeadStatus.Lost).GroupBy(h => h.LostReason)
                .Select(g => new { g.Key, Count = g.Count(), Cents = g.Sum(h => h.Currency == cur ? h.ValueCents : 0) }).ToListAsync(ct);
            var buckets = scope.Period.Buckets(grain);
            var starts = buckets.Select(b => scope.Period.UtcStartOf(b.Start)).ToList();
            var byPeriod = await closings.GroupBy(ReportPeriod.BucketIndex<LeadStageHistory, DateTime>(h => h.At, starts))
                .Select(g => new
                {
                    g.Key, WonCount = g.Count(h => h.ToStatus == LeadStatus.Won), WonCents = g.Sum(h => h.ToStatus == LeadStatus.Won && h.Currency == cur ? h.ValueCents : 0),
                    LostCount = g.Count(h => h.ToStatus == LeadStatus.Lost), LostCents = g.Sum(h => h.ToStatus == LeadStatus.Lost && h.Currency == cur ? h.ValueCents : 0),
                }).ToDictionaryAsync(g => g.Key, ct);
            var (entered, reached) = await FunnelAsync(scope, pid, pipeline.Stages, crossing, ct);

            var ordered = pipeline.Stages.OrderBy(s => s.Order).ToList();
            var funnel = ordered.Where(s => s.Kind != StageKind.Lost).ToList();
            var stages = ordered.Select(s =>
            {
                var here = now.GetValueOrDefault(s.Id);
                var value = AnalyticsScope.Money(here?.Cents ?? 0);
                double? conversion = null;
                var index = funnel.FindIndex(f => f.Id == s.Id);
                if (s.Kind == StageKind.Open && index >= 0 && index + 1 < funnel.Count)
                {
                    var atLeast = reached.Where(r => r.Key >= s.Order).Sum(r => r.Value);
                    var further = reached.Where(r => r.Key >= funnel[index + 1].Order).Sum(r => r.Value);
                    conversion = atLeast == 0 ? null : Math.Round((double)further / atLeast, 4);
                }
                return new StageFigures(s.Id, s.Name, s.Kind, s.Probability, here?.Count ?? 0, value, Math.Round(value * s.Probability / 100m, 2),
                    stays.TryGetValue(s.Id, out var days) ? Math.Round(days, 2) : null, conversion, entered.GetValueOrDefault(s.Id),
                    scope.LeadsUrl(("pipeline_id", $"eq.{pid}"), ("stage_id", $"eq.{s.Id}")), scope.DrillUrl("entered", ("pipeline_id", pid.ToString()), ("stage_id", s.Id.ToString())));
            }).ToList();
            var stall = stages.Where(s => s.Kind == StageKind.Open && s.AvgDaysInStage is not null).MaxBy(s => s.AvgDaysInStage);

            var drill = ("pipeline_id", pid.ToString());
            var periods = buckets.Select((b, i) =>
            {
                // A bucket's days: its first (the period's first day for a partial one) to the day before the next bucket (or the period's last).
                var last = i + 1 < buckets.Count ? buckets[i + 1].Start.AddDays(-1) : scope.Period.To;
                var (wonLeads, lostLeads) = (scope.DrillUrl("won", b.Start, last, drill), scope.DrillUrl("lost", b.Start, last, drill));
                return byPeriod.TryGetValue(i, out var p)
                    ? new PeriodClosings(b.Label, p.WonCount, AnalyticsScope.Money(p.WonCents), p.LostCount, AnalyticsScope.Money(p.LostCents), wonLeads, lostLeads)
                    : new PeriodClosings(b.Label, 0, 0, 0, 0, wonLeads, lostLeads);
            }).ToList();
            var won = new ClosedFigures(periods.Sum(p => p.WonCount), periods.Sum(p => p.WonValue), scope.DrillUrl("won", drill));
            var lost = new LostFigures(periods.Sum(p => p.LostCount), periods.Sum(p => p.LostValue),
                byReason.OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)
                    .Select(r => new LostReasonFigures(r.Key ?? "", r.Count, AnalyticsScope.Money(r.Cents), scope.DrillUrl("lost", drill, ("reason", r.Key ?? "")))).ToList(),
                scope.DrillUrl("lost", drill));
            return new PipelineReport(pid, pipeline.Name, cur, scope.Period.From, scope.Period.To, stages, won, lost,
                stall is null ? null : new StallFigure(stall.StageId, stall.Name, stall.AvgDaysInStage!.Value), periods, others);
        }
        finally
        {
            // Failing or cancelled before the funnel was awaited: the fork's query ends before its connection is disposed.
            if (!crossing.IsCompleted) await Task.WhenAny(crossing);
        }
    }

    /// <summary>
    /// The leads that entered each stage in the period (<c>entered</c>), and how far each lead that moved got — lead count by the
    /// highest stage order it entered, lost stages left out, a won stage counting as the end of the funnel (<c>reached</c>;
    /// "reached stage k" is every lead whose highest order is k or more). A lead whose whole path in the pipeline lies inside the
    /// period is counted from its <see cref="LeadFunnel"/> row: its stage set is what it entered in the period, so the database
    /// only counts leads per stage set (a few dozen sets) and the orders are applied here. The leads whose path crosses the
    /// period's edges (or whose set was too long to keep) are counted by <paramref name="crossing"/> (<see cref="CrossingPathsAsync"/>,
    /// on another connection), as more stage sets or from their history. All give the figures the history alone gives (ADR 035, 055).
    /// </summary>
    private static async Task<(Dictionary<Guid, int> Entered, Dictionary<int, int> Reached)> FunnelAsync(AnalyticsScope scope, Guid pipelineId,
        IReadOnlyCollection<Stage> stages, Task<CrossingPaths> crossing, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        var inside = await scope.Funnels.Where(f => f.PipelineId == pipelineId && f.FirstAt >= start && f.LastAt < end && f.Stages != LeadFunnel.Overflow)
            .GroupBy(f => f.Stages).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var (entered, reached, more) = await crossing;
        var orders = stages.Where(s => s.Kind != StageKind.Lost).ToDictionary(s => s.Id, s => s.Order);
        var known = stages.Select(s => s.Id).ToHashSet();
        foreach (var (key, count) in inside.Select(s => (s.Key, s.Count)).Concat(more))
        {
            var ids = key.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet();
            foreach (var id in ids.Where(known.Contains)) entered[id] = entered.GetValueOrDefault(id) + count;
            var highest = ids.Where(orders.ContainsKey).Select(id => (int?)orders[id]).Max();
            if (highest is { } h) reached[h] = reached.GetValueOrDefault(h) + count;
        }
        return (entered, reached);
    }

    /// <summary>
    /// The funnel's part for the leads whose path in the pipeline crosses the period's edges (first change before it or last change
    /// after it) or whose stage set was too long to keep. When no change of the pipeline comes at or after the period's end (a
    /// period ending today), a lead whose path starts before the period entered in it exactly the stages its first change in
    /// the period holds from there on (<see cref="LeadStageHistory.StagesFromHere"/>, the change whose
    /// <see cref="LeadStageHistory.PreviousAt"/> is before the period): those leads are counted per stage set from one index
    /// range, like the paths inside the period (ADR 055). Otherwise, or when such a set was too long to keep, their history in the
    /// period is grouped by lead (<see cref="FromHistoryAsync"/>, ADR 035).
    /// </summary>
    private static async Task<CrossingPaths> CrossingPathsAsync(AnalyticsScope scope, Guid pipelineId, IReadOnlyCollection<Stage> stages, CancellationToken ct)
    {
        var (start, end) = (scope.Period.StartUtc, scope.Period.EndUtc);
        var latest = await scope.Db.LeadStageHistory.Where(h => h.PipelineId == pipelineId).MaxAsync(h => (DateTime?)h.At, ct);
        if (latest is null || latest < end)
        {
            var suffixes = await scope.History.Where(h => h.PipelineId == pipelineId && h.PreviousAt != null && h.PreviousAt < start)
                .GroupBy(h => h.StagesFromHere).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            if (suffixes.All(s => s.Key is not null && s.Key != LeadFunnel.Overflow))
            {
                var overflowing = scope.Funnels.Where(f => f.PipelineId == pipelineId && f.FirstAt >= start && f.FirstAt < end && f.Stages == LeadFunnel.Overflow)
                    .Select(f => f.LeadId);
                var (entered, reached) = await FromHistoryAsync(scope.History.Where(h => h.PipelineId == pipelineId && overflowing.Contains(h.LeadId)), stages, ct);
                return new CrossingPaths(entered, reached, suffixes.Select(s => (s.Key!, s.Count)).ToList());
            }
        }
        var crossing = scope.Funnels.Where(f => f.PipelineId == pipelineId && f.FirstAt < end && f.LastAt >= start
                                                && (f.FirstAt < start || f.LastAt >= end || f.Stages == LeadFunnel.Overflow))
            .Select(f => f.LeadId);
        var (e, r) = await FromHistoryAsync(scope.History.Where(h => h.PipelineId == pipelineId && crossing.Contains(h.LeadId)), stages, ct);
        return new CrossingPaths(e, r, []);
    }

    /// <summary>
    /// From the history rows given, in one pass grouped by lead: the leads that entered each stage (<c>entered</c>), and how far each
    /// lead that moved got — lead count by the highest stage order it entered, lost stages left out, a won stage counting as the end
    /// of the funnel (<c>reached</c>; "reached stage k" is every lead whose highest order is k or more). Per lead the database
    /// computes its highest order and the set of stages it entered as a bit mask (<see cref="FunnelStep.PathOf"/>), then counts leads per
    /// (highest order, mask): a few dozen rows instead of a distinct count per stage and a second scan per lead (ADR 032).
    /// </summary>
    private static async Task<(Dictionary<Guid, int> Entered, Dictionary<int, int> Reached)> FromHistoryAsync(IQueryable<LeadStageHistory> history,
        IReadOnlyCollection<Stage> stages, CancellationToken ct)
    {
        var ordered = stages.OrderBy(s => s.Order).ToList();
        var paths = await history.Select(FunnelStep.Of(ordered)).GroupBy(f => f.LeadId).Select(FunnelStep.PathOf(ordered))
            .GroupBy(p => new { p.Highest, p.Mask }).Select(g => new { g.Key.Highest, g.Key.Mask, Count = g.Count() }).ToListAsync(ct);
        var entered = ordered.Take(FunnelStep.MaxBits).Select((s, i) => (s.Id, Count: paths.Where(p => (p.Mask & (1L << i)) != 0).Sum(p => p.Count)))
            .Where(e => e.Count > 0).ToDictionary(e => e.Id, e => e.Count);
        // Past 62 stages a mask has no room: those stages are counted apart (a pipeline that long is unheard of).
        var rest = ordered.Skip(FunnelStep.MaxBits).Select(s => s.Id).ToList();
        if (rest.Count > 0)
            foreach (var e in await history.Where(h => rest.Contains(h.ToStageId)).GroupBy(h => h.ToStageId)
                         .Select(g => new { g.Key, Count = g.Select(h => h.LeadId).Distinct().Count() }).ToListAsync(ct))
                entered[e.Key] = e.Count;
        var reached = paths.Where(p => p.Highest is not null).GroupBy(p => p.Highest!.Value).ToDictionary(g => g.Key, g => g.Sum(p => p.Count));
        return (entered, reached);
    }
}
