using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Activities;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Home;

/// <summary>
/// What the home page shows until dashboards exist: the member's own day. Activities are the member's own (assigned to
/// them, as on the Activities page); conversations, rotting deals and new leads are over the leads the member may see,
/// so a rep whose role sees only their own leads gets only those. Needs leads.read.
/// </summary>
public sealed class MyDayService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, ActivityService activities, TimeProvider time)
{
    /// <param name="zone">The workspace's zone: it decides where "today" starts.</param>
    /// <param name="take">How many items each part lists (its count covers them all).</param>
    public async Task<MyDay> GetAsync(TimeZoneInfo zone, int take = 5, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        var me = access.User.UserId;
        var overdue = await activities.ListAsync(ActivityWindow.Overdue, me, null, false, new PageRequest(take), zone, ct);
        var today = await activities.ListAsync(ActivityWindow.Today, me, null, false, new PageRequest(take), zone, ct);
        var due = overdue.Items.Concat(today.Items.Where(a => overdue.Items.All(o => o.Id != a.Id))).Take(take).ToList();

        var now = time.GetUtcNow().UtcDateTime;
        var startOfToday = TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date, zone);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await leads.VisibleAsync(db, ct);

        var unread = db.Messages.Where(m => m.Direction == MessageDirection.Inbound && m.ReadAt == null && visible.Any(l => l.Id == m.LeadId))
            .GroupBy(m => m.LeadId).Select(g => new { LeadId = g.Key, Unread = g.Count(), Last = g.Max(m => m.CreatedAt) });
        var unreadCounts = await unread.Select(u => u.Unread).ToListAsync(ct);
        var unreadTop = await unread.OrderByDescending(u => u.Last).Take(take)
            .Join(db.Leads, u => u.LeadId, l => l.Id, (u, l) => new UnreadConversation(u.LeadId, l.Name, u.Unread, u.Last)).ToListAsync(ct);

        var rotStages = await db.Stages.Where(s => s.RottenAfterDays != null).Select(s => new { s.Id, Days = s.RottenAfterDays!.Value }).ToListAsync(ct);
        var rotting = visible.Where(LeadRotting.Filter(rotStages.Select(s => (s.Id, s.Days)), now));
        var rottingTop = await Top(db, rotting.OrderBy(l => l.LastInteractionAt > l.StageEnteredAt ? l.LastInteractionAt : l.StageEnteredAt), take, LeadRotting.IdleSince, ct);

        var created = visible.Where(l => l.CreatedAt >= startOfToday);
        var createdTop = await Top(db, created.OrderByDescending(l => l.CreatedAt), take, l => l.CreatedAt, ct);

        return new MyDay(overdue.Total, today.Total, due, unreadCounts.Sum(), new TopItems<UnreadConversation>(unreadCounts.Count, unreadTop),
            new TopItems<DayLead>(await rotting.CountAsync(ct), rottingTop), new TopItems<DayLead>(await created.CountAsync(ct), createdTop));
    }

    private static async Task<IReadOnlyList<DayLead>> Top(CrmDbContext db, IOrderedQueryable<Lead> ordered, int take, Func<Lead, DateTime> since, CancellationToken ct)
    {
        var rows = await ordered.ThenBy(l => l.Id).Take(take).AsNoTracking().ToListAsync(ct);
        var stageIds = rows.Select(l => l.StageId).Distinct().ToList();
        var stages = await db.Stages.Where(s => stageIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return rows.Select(l => new DayLead(l.Id, l.Name, l.Company, l.ValueCents / 100m, l.Currency, stages.GetValueOrDefault(l.StageId), since(l))).ToList();
    }
}
