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
/// so a rep whose role sees only their own leads gets only those. Counts stop at <see cref="CountCap"/>, so the page
/// costs about the same in a workspace of 500 leads and one of 100,000. Needs leads.read.
/// </summary>
public sealed class MyDayService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, ActivityService activities, TimeProvider time)
{
    public const int CountCap = 100;

    /// <param name="zone">The workspace's zone: it decides where "today" starts.</param>
    /// <param name="take">How many items each part lists (its count covers them all, up to <see cref="CountCap"/>).</param>
    public async Task<MyDay> GetAsync(TimeZoneInfo zone, int take = 5, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        var me = access.User.UserId;
        var overdue = await activities.TopAsync(ActivityWindow.Overdue, me, take, CountCap, zone, ct);
        var today = await activities.TopAsync(ActivityWindow.Today, me, take, CountCap, zone, ct);

        var now = time.GetUtcNow().UtcDateTime;
        var startOfToday = TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date, zone);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await leads.VisibleAsync(db, ct);

        var unread = db.Messages.Where(m => m.Direction == MessageDirection.Inbound && m.ReadAt == null && visible.Any(l => l.Id == m.LeadId));
        var (messages, messagesCapped) = await TopItems<Message>.CountAsync(unread, CountCap, db.Database, ct);
        var byLead = unread.GroupBy(m => m.LeadId).Select(g => new { LeadId = g.Key, Unread = g.Count(), Last = g.Max(m => m.CreatedAt) });
        var (conversations, conversationsCapped) = await TopItems<Guid>.CountAsync(byLead.Select(c => c.LeadId), CountCap, db.Database, ct);
        var conversationsTop = await byLead.OrderByDescending(u => u.Last).Take(take)
            .Join(db.Leads, u => u.LeadId, l => l.Id, (u, l) => new UnreadConversation(u.LeadId, l.Name, u.Unread, u.Last)).ToListAsync(ct);

        var rotStages = await db.Stages.Where(s => s.RottenAfterDays != null).Select(s => new { s.Id, Days = s.RottenAfterDays!.Value }).ToListAsync(ct);
        var rotting = visible.Where(LeadRotting.Filter(rotStages.Select(s => (s.Id, s.Days)), now)).OrderBy(l => l.StageEnteredAt).ThenBy(l => l.Id);
        var rottingTop = await TopAsync(db, rotting, take, l => l.OrderBy(LeadRotting.IdleSince), LeadRotting.IdleSince, ct);
        var created = visible.Where(l => l.CreatedAt >= startOfToday).OrderByDescending(l => l.CreatedAt);
        var createdTop = await TopAsync(db, created, take, l => l, l => l.CreatedAt, ct);

        return new MyDay(overdue, today, new TopItems<UnreadConversation>(conversations, conversationsTop, conversationsCapped),
            new TopItems<Guid>(messages, [], messagesCapped), rottingTop, createdTop);
    }

    /// <summary>
    /// Reads at most <see cref="CountCap"/> leads in the order the query gives (an index's; nothing sorts the whole set),
    /// counts them and keeps the first <paramref name="take"/> by <paramref name="order"/>. Below the cap that is exact;
    /// above it, the items are the first of the leads read (for rotting deals: the most idle of a hundred found).
    /// </summary>
    private static async Task<TopItems<DayLead>> TopAsync(CrmDbContext db, IQueryable<Lead> found, int take, Func<IEnumerable<Lead>, IEnumerable<Lead>> order,
        Func<Lead, DateTime> since, CancellationToken ct)
    {
        var rows = await found.Take(CountCap).Select(l => new Lead
        {
            Id = l.Id, Name = l.Name, Company = l.Company, ValueCents = l.ValueCents, Currency = l.Currency, StageId = l.StageId,
            StageEnteredAt = l.StageEnteredAt, LastInteractionAt = l.LastInteractionAt, CreatedAt = l.CreatedAt,
        }).ToListAsync(ct);
        var top = order(rows).Take(take).ToList();
        var stageIds = top.Select(l => l.StageId).Distinct().ToList();
        var stages = await db.Stages.Where(s => stageIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var items = top.Select(l => new DayLead(l.Id, l.Name, l.Company, l.ValueCents / 100m, l.Currency, stages.GetValueOrDefault(l.StageId), since(l))).ToList();
        return new TopItems<DayLead>(rows.Count, items, rows.Count >= CountCap);
    }
}
