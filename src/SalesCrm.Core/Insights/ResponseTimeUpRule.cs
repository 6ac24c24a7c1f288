using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Analytics;

namespace SalesCrm.Core.Insights;

/// <summary>
/// Per rep, the average time to answer a waiting customer (inbound waits of <c>lead_responses</c> they closed, as the team
/// report counts it) in the last 30 days against the 30 before. An insight about the rep when it grew by
/// <see cref="InsightRules.ResponseTimeFactor"/> or more with at least <see cref="InsightRules.MinReplies"/> replies in each
/// period. Confidence: Welch's one-sided test on the minutes; high priority from 3×.
/// </summary>
public sealed class ResponseTimeUpRule : IInsightRule
{
    public async Task<IReadOnlyList<InsightDraft>> EvaluateAsync(InsightContext c, CancellationToken ct)
    {
        var (current, previous) = (c.Current, c.Previous);
        var rows = await c.Db.LeadResponses.AsNoTracking()
            .Where(r => r.Kind == ResponseKind.Inbound && r.ResponderId != null && r.Seconds != null && r.RespondedAt >= previous.StartUtc && r.RespondedAt < current.EndUtc)
            .Select(r => new { Rep = r.ResponderId!.Value, r.LeadId, r.RespondedAt, Seconds = r.Seconds!.Value }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var names = await c.Db.Memberships.AsNoTracking().Select(m => new { m.UserId, m.User!.Name }).ToDictionaryAsync(m => m.UserId, m => m.Name, ct);
        var drafts = new List<InsightDraft>();
        foreach (var rep in rows.GroupBy(r => r.Rep).Where(g => names.ContainsKey(g.Key)).OrderBy(g => g.Key))
        {
            var before = rep.Where(r => r.RespondedAt < current.StartUtc).Select(r => r.Seconds / 60.0).ToList();
            var after = rep.Where(r => r.RespondedAt >= current.StartUtc).ToList();
            if (before.Count < InsightRules.MinReplies || after.Count < InsightRules.MinReplies) continue;
            var (m1, m2) = (Math.Round((decimal)before.Average(), 1), Math.Round((decimal)after.Average(r => r.Seconds / 60.0), 1));
            if (m1 <= 0 || m2 < m1 * InsightRules.ResponseTimeFactor) continue;
            var ratio = Math.Round(m2 / m1, 1);
            var slowest = after.OrderByDescending(r => r.Seconds).Select(r => r.LeadId).Distinct().ToList();
            var evidence = new InsightEvidence(new Dictionary<string, decimal>
                {
                    ["avg_minutes"] = m2, ["replies"] = after.Count, ["previous_avg_minutes"] = m1, ["previous_replies"] = before.Count,
                    ["ratio"] = ratio, ["period_days"] = InsightContext.PeriodDays,
                }, slowest.Take(InsightRules.MaxLeads).ToList(), slowest.Count, null, current.From, current.To, previous.From, previous.To);
            var confidence = Math.Round(InsightStatistics.MeanRose(before, after.Select(r => r.Seconds / 60.0).ToList()), 2);
            drafts.Add(new InsightDraft(InsightKind.ResponseTimeUp, $"{rep.Key:N}", rep.Key, ratio >= 3 ? InsightPriority.High : InsightPriority.Medium, confidence, evidence,
                InsightTexts.ResponseTimeUp(c.Culture, names[rep.Key], m2, after.Count, m1, before.Count, ratio, InsightContext.PeriodDays)));
        }
        return drafts;
    }
}
