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
        var leads = scope.AllPipelines.Where(l => l.PipelineId == pid);
        var history = scope.History.Where(h => h.PipelineId == pid);

        var now = await leads.GroupBy(l => l.StageId)
            .Select(g => new { g.Key, Count = g.Count(), Cents = g.Sum(l => l.Currency == cur ? l.ValueCents : 0) }).ToDictionaryAsync(g => g.Key, ct);
        var stays = await history.Where(h => h.FromStageId != null && h.SecondsInFromStage != null).GroupBy(h => h.FromStageId!.Value)
            .Select(g => new { g.Key, Avg = g.Average(h => (double)h.SecondsInFromStage!.Value) }).ToDictionaryAsync(g => g.Key, g => g.Avg / 86400, ct);
        var entered = await history.GroupBy(h => h.ToStageId).Select(g => new { g.Key, Count = g.Select(h => h.LeadId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var reached = await ReachedAsync(scope, history, pid, ct);

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
        var periods = buckets.Select((b, i) => byPeriod.TryGetValue(i, out var p)
            ? new PeriodClosings(b.Label, p.WonCount, AnalyticsScope.Money(p.WonCents), p.LostCount, AnalyticsScope.Money(p.LostCents))
            : new PeriodClosings(b.Label, 0, 0, 0, 0)).ToList();
        var drill = ("pipeline_id", pid.ToString());
        var won = new ClosedFigures(periods.Sum(p => p.WonCount), periods.Sum(p => p.WonValue), scope.DrillUrl("won", drill));
        var lost = new LostFigures(periods.Sum(p => p.LostCount), periods.Sum(p => p.LostValue),
            byReason.OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new LostReasonFigures(r.Key ?? "", r.Count, AnalyticsScope.Money(r.Cents), scope.DrillUrl("lost", drill, ("reason", r.Key ?? "")))).ToList(),
            scope.DrillUrl("lost", drill));
        return new PipelineReport(pid, pipeline.Name, cur, scope.Period.From, scope.Period.To, stages, won, lost,
            stall is null ? null : new StallFigure(stall.StageId, stall.Name, stall.AvgDaysInStage!.Value), periods, await scope.OtherCurrenciesAsync(leads, ct));
    }

    /// <summary>
    /// How far each lead that moved in the period got: lead count by the highest stage order it entered (lost stages left out,
    /// a won stage counting as the end of the funnel). "Reached stage k" is every lead whose highest order is k or more.
    /// </summary>
    private static async Task<Dictionary<int, int>> ReachedAsync(AnalyticsScope scope, IQueryable<LeadStageHistory> history, Guid pipelineId, CancellationToken ct)
    {
        var highest = history.Join(scope.Db.Stages.Where(s => s.PipelineId == pipelineId && s.Kind != StageKind.Lost), h => h.ToStageId, s => s.Id, (h, s) => new { h.LeadId, s.Order })
            .GroupBy(x => x.LeadId).Select(g => g.Max(x => x.Order));
        return await highest.GroupBy(o => o).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
