using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Insights;

/// <summary>
/// Hot leads — open, priority high or urgent or score ≥ <see cref="InsightRules.HotScore"/> — with a wait for a reply
/// (<c>lead_responses</c>, ADR 027) open for <see cref="InsightRules.UnansweredHours"/> hours or more. Critical from 10
/// leads or a wait of 72 hours, high otherwise; confidence 1 (a count of facts).
/// </summary>
public sealed class HotLeadsUnansweredRule : IInsightRule
{
    public async Task<IReadOnlyList<InsightDraft>> EvaluateAsync(InsightContext c, CancellationToken ct)
    {
        var cutoff = c.NowUtc.AddHours(-InsightRules.UnansweredHours);
        var hot = c.Db.Leads.AsNoTracking().Where(l => l.Status == LeadStatus.Open
            && (l.Priority == LeadPriority.High || l.Priority == LeadPriority.Urgent || l.Score >= InsightRules.HotScore));
        var waits = await c.Db.LeadResponses.AsNoTracking()
            .Where(r => r.RespondedAt == null && r.WaitingSince <= cutoff && hot.Any(l => l.Id == r.LeadId))
            .Select(r => new { r.LeadId, r.WaitingSince }).ToListAsync(ct);
        if (waits.Count == 0) return [];
        var leads = waits.GroupBy(w => w.LeadId).Select(g => (Id: g.Key, Since: g.Min(w => w.WaitingSince))).OrderBy(l => l.Since).ThenBy(l => l.Id).ToList();
        var count = leads.Count;
        var oldestHours = Math.Floor((decimal)(c.NowUtc - leads[0].Since).TotalHours);
        var evidence = new InsightEvidence(new Dictionary<string, decimal>
        {
            ["count"] = count, ["oldest_wait_hours"] = oldestHours, ["threshold_hours"] = InsightRules.UnansweredHours, ["min_score"] = InsightRules.HotScore,
        }, leads.Take(InsightRules.MaxLeads).Select(l => l.Id).ToList(), count);
        var priority = count >= 10 || oldestHours >= 72 ? InsightPriority.Critical : InsightPriority.High;
        return [new InsightDraft(InsightKind.HotLeadsUnanswered, "workspace", null, priority, 1, evidence,
            InsightTexts.HotLeadsUnanswered(c.Culture, count, oldestHours, InsightRules.UnansweredHours, InsightRules.HotScore))];
    }
}
