using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Insights;

/// <summary>
/// Open deals in the workspace's currency valued at or above the <see cref="InsightRules.HighValueQuantile"/> quantile of
/// open deal values, idle (no stage move, no interaction: <see cref="LeadRotting.IdleSince"/>) for
/// <see cref="InsightRules.StalledDays"/> days or more. Needs <see cref="InsightRules.MinValuedDeals"/> valued deals. High
/// from 3 deals, medium otherwise; confidence 1.
/// </summary>
public sealed class StalledHighValueRule : IInsightRule
{
    public async Task<IReadOnlyList<InsightDraft>> EvaluateAsync(InsightContext c, CancellationToken ct)
    {
        var open = c.Db.Leads.AsNoTracking().Where(l => l.Status == LeadStatus.Open && l.Currency == c.Currency && l.ValueCents > 0);
        var values = await open.Select(l => l.ValueCents).OrderBy(v => v).ToListAsync(ct);
        if (values.Count < InsightRules.MinValuedDeals) return [];
        var threshold = InsightStatistics.Quantile(values, InsightRules.HighValueQuantile);
        var cutoff = c.NowUtc.AddDays(-InsightRules.StalledDays);
        var stalled = await open.Where(l => l.ValueCents >= threshold && l.StageEnteredAt <= cutoff && (l.LastInteractionAt == null || l.LastInteractionAt <= cutoff))
            .Select(l => new { l.Id, l.ValueCents }).ToListAsync(ct);
        if (stalled.Count == 0) return [];
        var ordered = stalled.OrderByDescending(l => l.ValueCents).ThenBy(l => l.Id).ToList();
        var value = AnalyticsScope.Money(stalled.Sum(l => l.ValueCents));
        var thresholdValue = AnalyticsScope.Money(threshold);
        var evidence = new InsightEvidence(new Dictionary<string, decimal>
        {
            ["count"] = stalled.Count, ["value"] = value, ["threshold_value"] = thresholdValue, ["idle_days"] = InsightRules.StalledDays,
        }, ordered.Take(InsightRules.MaxLeads).Select(l => l.Id).ToList(), stalled.Count, c.Currency);
        return [new InsightDraft(InsightKind.StalledHighValue, "workspace", null, stalled.Count >= 3 ? InsightPriority.High : InsightPriority.Medium, 1, evidence,
            InsightTexts.StalledHighValue(c.Culture, stalled.Count, value, thresholdValue, c.Currency, InsightRules.StalledDays))];
    }
}
