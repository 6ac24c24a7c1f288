using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Insights;

/// <summary>
/// Open deals whose expected close date is before the workspace's today. Value summed in the workspace's currency (deals in
/// others are counted apart). High from 10 deals, medium otherwise; confidence 1.
/// </summary>
public sealed class OverdueCloseDatesRule : IInsightRule
{
    public async Task<IReadOnlyList<InsightDraft>> EvaluateAsync(InsightContext c, CancellationToken ct)
    {
        var today = c.Today;
        var rows = await c.Db.Leads.AsNoTracking().Where(l => l.Status == LeadStatus.Open && l.ExpectedCloseDate < today)
            .Select(l => new { l.Id, l.ExpectedCloseDate, l.ValueCents, l.Currency }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var ordered = rows.OrderBy(r => r.ExpectedCloseDate).ThenBy(r => r.Id).ToList();
        var count = rows.Count;
        var value = AnalyticsScope.Money(rows.Where(r => r.Currency == c.Currency).Sum(r => r.ValueCents));
        var others = rows.Count(r => r.Currency != c.Currency);
        var oldestDays = today.DayNumber - ordered[0].ExpectedCloseDate!.Value.DayNumber;
        var evidence = new InsightEvidence(new Dictionary<string, decimal>
        {
            ["count"] = count, ["value"] = value, ["oldest_overdue_days"] = oldestDays, ["other_currency_count"] = others,
        }, ordered.Take(InsightRules.MaxLeads).Select(r => r.Id).ToList(), count, c.Currency);
        return [new InsightDraft(InsightKind.OverdueCloseDates, "workspace", null, count >= 10 ? InsightPriority.High : InsightPriority.Medium, 1, evidence,
            InsightTexts.OverdueCloseDates(c.Culture, count, value, c.Currency, oldestDays, others))];
    }
}
