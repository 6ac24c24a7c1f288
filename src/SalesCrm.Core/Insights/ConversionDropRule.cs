using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Pipelines;

namespace SalesCrm.Core.Insights;

/// <summary>
/// Stage → next stage conversion, per pipeline: of the deals that left an open stage in a period (stage history, ADR 027),
/// the share that moved forward — to a later stage that is not a lost one. An insight when the last 30 days' share fell by
/// <see cref="InsightRules.ConversionDropShare"/> or more of the 30 days before's, with at least
/// <see cref="InsightRules.MinStageExits"/> exits in each. Confidence: the one-sided two-proportion z-test; high priority from a
/// 50 % fall. The evidence's leads are the ones that left the stage in the last 30 days without moving forward.
/// </summary>
public sealed class ConversionDropRule : IInsightRule
{
    public async Task<IReadOnlyList<InsightDraft>> EvaluateAsync(InsightContext c, CancellationToken ct)
    {
        var (current, previous) = (c.Current, c.Previous);
        var split = current.StartUtc;
        var exits = await c.Db.LeadStageHistory.AsNoTracking()
            .Where(h => h.At >= previous.StartUtc && h.At < current.EndUtc && h.FromStageId != null && h.FromStageId != h.ToStageId)
            .GroupBy(h => new { h.PipelineId, From = h.FromStageId!.Value, h.ToStageId, Recent = h.At >= split })
            .Select(g => new { g.Key.PipelineId, g.Key.From, g.Key.ToStageId, g.Key.Recent, Count = g.Count() }).ToListAsync(ct);
        if (exits.Count == 0) return [];
        var stages = await c.Db.Stages.AsNoTracking().Select(s => new { s.Id, s.PipelineId, s.Name, s.Order, s.Kind }).ToListAsync(ct);
        var pipelines = await c.Db.Pipelines.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var byId = stages.ToDictionary(s => s.Id);
        var drafts = new List<InsightDraft>();
        foreach (var pipeline in stages.GroupBy(s => s.PipelineId))
        {
            var funnel = pipeline.Where(s => s.Kind != StageKind.Lost).OrderBy(s => s.Order).ToList();
            for (var i = 0; i + 1 < funnel.Count; i++)
            {
                var from = funnel[i];
                if (from.Kind != StageKind.Open) continue;
                var next = funnel[i + 1];
                bool Forward(Guid to) => byId.TryGetValue(to, out var s) && s.PipelineId == from.PipelineId && s.Order > from.Order && s.Kind != StageKind.Lost;
                var left = exits.Where(e => e.PipelineId == pipeline.Key && e.From == from.Id).ToList();
                var (n1, f1) = (left.Where(e => !e.Recent).Sum(e => e.Count), left.Where(e => !e.Recent && Forward(e.ToStageId)).Sum(e => e.Count));
                var (n2, f2) = (left.Where(e => e.Recent).Sum(e => e.Count), left.Where(e => e.Recent && Forward(e.ToStageId)).Sum(e => e.Count));
                if (n1 < InsightRules.MinStageExits || n2 < InsightRules.MinStageExits || f1 == 0) continue;
                var (before, after) = ((decimal)f1 / n1, (decimal)f2 / n2);
                var drop = (before - after) / before;
                if (drop < InsightRules.ConversionDropShare) continue;
                var forwardIds = byId.Values.Where(s => Forward(s.Id)).Select(s => s.Id).ToList();
                var fromId = from.Id;
                var stuck = await c.Db.LeadStageHistory.AsNoTracking()
                    .Where(h => h.FromStageId == fromId && h.ToStageId != fromId && h.At >= split && h.At < current.EndUtc && !forwardIds.Contains(h.ToStageId))
                    .OrderBy(h => h.At).Select(h => h.LeadId).ToListAsync(ct);
                var leadIds = stuck.Distinct().ToList();
                var (rate, previousRate, dropPct) = (Math.Round(after * 100, 1), Math.Round(before * 100, 1), Math.Round(drop * 100));
                var evidence = new InsightEvidence(new Dictionary<string, decimal>
                    {
                        ["exits"] = n2, ["forward"] = f2, ["rate_pct"] = rate, ["previous_exits"] = n1, ["previous_forward"] = f1,
                        ["previous_rate_pct"] = previousRate, ["drop_pct"] = dropPct, ["period_days"] = InsightContext.PeriodDays,
                    }, leadIds.Take(InsightRules.MaxLeads).ToList(), leadIds.Count, null, current.From, current.To, previous.From, previous.To,
                    pipeline.Key, from.Id, next.Id);
                var confidence = Math.Round(InsightStatistics.ProportionFell(f1, n1, f2, n2), 2);
                drafts.Add(new InsightDraft(InsightKind.ConversionDrop, $"{from.Id:N}", null, drop >= 0.5m ? InsightPriority.High : InsightPriority.Medium, confidence, evidence,
                    InsightTexts.ConversionDrop(c.Culture, pipelines.GetValueOrDefault(pipeline.Key, ""), from.Name, next.Name, f2, n2, rate, f1, n1, previousRate, dropPct, InsightContext.PeriodDays)));
            }
        }
        return drafts;
    }
}
