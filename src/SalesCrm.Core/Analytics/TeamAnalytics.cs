using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Analytics;

/// <summary>The team dashboard and leaderboard (<see cref="TeamReport"/>). Needs <c>reports.view</c>.</summary>
public sealed class TeamAnalytics(AnalyticsScopes scopes)
{
    /// <summary>Every member (or the one <c>owner_id</c> names; a rep with visibility own: themselves) with their figures. Errors: see <see cref="AnalyticsScopes.OpenAsync"/>.</summary>
    public async Task<TeamReport> GetAsync(AnalyticsRequest request, CancellationToken ct = default)
    {
        await using var scope = await scopes.OpenAsync(request, ct);
        var db = scope.Db;
        var cur = scope.Currency;
        var members = db.Memberships.AsNoTracking().Where(m => scope.RestrictedTo == null || m.UserId == scope.RestrictedTo)
            .Where(m => scope.OwnerId == null || m.UserId == scope.OwnerId);
        var people = await members.Select(m => new { m.UserId, m.User!.Name }).ToListAsync(ct);
        var leads = await scope.Leads.Where(l => l.Status == LeadStatus.Open && l.OwnerId != null).GroupBy(l => l.OwnerId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var closed = await scope.Closings.Where(h => h.OwnerId != null).GroupBy(h => h.OwnerId!.Value)
            .Select(g => new
            {
                g.Key, Won = g.Count(h => h.ToStatus == LeadStatus.Won), Lost = g.Count(h => h.ToStatus == LeadStatus.Lost),
                Cents = g.Sum(h => h.ToStatus == LeadStatus.Won && h.Currency == cur ? h.ValueCents : 0),
            }).ToDictionaryAsync(g => g.Key, ct);
        var visible = scope.Leads;
        var activities = db.Activities.AsNoTracking().Where(a => a.AssigneeId != null && visible.Any(l => l.Id == a.LeadId));
        var done = await activities.Where(a => a.Done && a.DoneAt >= scope.Period.StartUtc && a.DoneAt < scope.Period.EndUtc).GroupBy(a => a.AssigneeId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var overdue = await activities.Where(a => !a.Done && a.DueAt < scope.Now).GroupBy(a => a.AssigneeId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var responses = await scope.Responses.Where(r => r.Kind == ResponseKind.Inbound && r.ResponderId != null && r.RespondedAt >= scope.Period.StartUtc && r.RespondedAt < scope.Period.EndUtc)
            .GroupBy(r => r.ResponderId!.Value).Select(g => new { g.Key, Count = g.Count(), Seconds = g.Sum(r => r.Seconds!.Value) }).ToDictionaryAsync(g => g.Key, ct);
        var rows = people.Select(p =>
        {
            var c = closed.GetValueOrDefault(p.UserId);
            var r = responses.GetValueOrDefault(p.UserId);
            var (won, lost) = (c?.Won ?? 0, c?.Lost ?? 0);
            return new TeamMemberFigures(p.UserId, p.Name, 0, leads.GetValueOrDefault(p.UserId), won, AnalyticsScope.Money(c?.Cents ?? 0), lost,
                won + lost == 0 ? null : Math.Round((double)won / (won + lost), 4), done.GetValueOrDefault(p.UserId), overdue.GetValueOrDefault(p.UserId),
                r is null ? null : Math.Round(r.Seconds / 60.0 / r.Count, 1), r?.Count ?? 0, scope.LeadsUrl(("owner_id", $"eq.{p.UserId}"), ("status", "eq.open")),
                scope.DrillUrl("won", ("closer_id", p.UserId.ToString())));
        }).OrderByDescending(m => m.ValueWon).ThenByDescending(m => m.Won).ThenBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        return new TeamReport(cur, scope.Period.From, scope.Period.To, rows.Select((m, i) => m with { Rank = i + 1 }).ToList());
    }
}
