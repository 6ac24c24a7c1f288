using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Gamification;

/// <summary>
/// Scores, the leaderboard and a member's card, summed from the award ledger (<see cref="PointAward"/>) over periods of
/// the workspace's zone. Needs <c>leads.read</c>. The leaderboard shows every member's total (a contest needs rivals);
/// the breakdown by rule of someone else is for members who see every lead: an <c>own</c> member gets only their own.
/// </summary>
public sealed class ScoreQuery(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time)
{
    /// <summary>
    /// Points per member and rule from <paramref name="from"/> to <paramref name="to"/> (local days; default the 30 days up to
    /// today), of <paramref name="userId"/> only when given. 400 on <c>to</c> for a reversed or too long period.
    /// </summary>
    public async Task<ScoresReport> ScoresAsync(DateOnly? from, DateOnly? to, Guid? userId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        var own = await access.GetVisibilityAsync(ct) == VisibilityScope.Own;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zone = await ZoneAsync(db, ct);
        var period = ReportPeriod.For(from, to, Today(zone), zone);
        var awards = InPeriod(db, period.StartUtc, period.EndUtc);
        if (own) awards = awards.Where(a => a.UserId == access.User.UserId);
        if (userId is { } u) awards = awards.Where(a => a.UserId == u);
        var rows = await awards.GroupBy(a => new { a.UserId, a.RuleKey })
            .Select(g => new { g.Key.UserId, g.Key.RuleKey, Count = g.Count(), Points = g.Sum(a => (long)a.Points) }).ToListAsync(ct);
        var names = await NamesAsync(db, ct);
        var users = rows.GroupBy(r => r.UserId)
            .Select(g => new UserScore(g.Key, names.GetValueOrDefault(g.Key, ""), g.Sum(r => r.Points),
                g.OrderByDescending(r => r.Points).ThenBy(r => r.RuleKey, StringComparer.Ordinal).Select(r => new RuleScore(r.RuleKey, r.Count, r.Points)).ToList()))
            .OrderByDescending(s => s.Points).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        return new ScoresReport(period.From, period.To, zone.Id, users);
    }

    /// <summary>
    /// Every member ranked by points in the <paramref name="period"/> (<c>day</c>, <c>week</c>, <c>month</c>; default week)
    /// holding <paramref name="date"/> (default today), in the workspace's zone. 400 on <c>period</c> for another word.
    /// </summary>
    public async Task<Leaderboard> LeaderboardAsync(string? period, DateOnly? date, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        var grain = ParsePeriod(period);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zone = await ZoneAsync(db, ct);
        var (first, last) = MissionPeriods.Bounds(grain, date ?? Today(zone));
        return new Leaderboard(SnakeEnum.ToText(grain), first, last, zone.Id, await RankAsync(db, new ReportPeriod(first, last, zone), ct));
    }

    /// <summary>The caller's points this week, rank and the progress of every active mission in its current period.</summary>
    public async Task<ScoreCard> CardAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        var me = access.User.UserId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var zone = await ZoneAsync(db, ct);
        var today = Today(zone);
        var (first, last) = MissionPeriods.Bounds(MissionPeriod.Week, today);
        var ranking = await RankAsync(db, new ReportPeriod(first, last, zone), ct);
        var mine = ranking.FirstOrDefault(e => e.IsMe);
        var missions = new List<MissionProgress>();
        foreach (var m in await db.Missions.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.CreatedAt).ToListAsync(ct))
        {
            var (start, end) = MissionPeriods.Bounds(m.Period, today);
            var p = new ReportPeriod(start, end, zone);
            var count = await InPeriod(db, p.StartUtc, p.EndUtc).CountAsync(a => a.UserId == me && a.RuleKey == m.RuleKey, ct);
            var done = await db.MissionCompletions.AnyAsync(c => c.MissionId == m.Id && c.UserId == me && c.PeriodStart == start, ct);
            missions.Add(new MissionProgress(m.Id, m.Title, m.RuleKey, m.Period, m.Target, Math.Min(count, m.Target), m.Points, done));
        }
        return new ScoreCard(mine?.Points ?? 0, mine is { Points: > 0 } ? mine.Rank : null, ranking.Count, missions);
    }

    /// <summary>
    /// Every member's progress on <paramref name="missionId"/> in its current period (workspace zone), most advanced
    /// first; an <c>own</c> member sees only their own row. Another workspace's mission is not found.
    /// </summary>
    public async Task<IReadOnlyList<RepProgress>> MissionProgressAsync(Guid missionId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        var own = await access.GetVisibilityAsync(ct) == VisibilityScope.Own;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.Missions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == missionId, ct) ?? throw new NotFoundException("Mission", missionId);
        var zone = await ZoneAsync(db, ct);
        var (start, end) = MissionPeriods.Bounds(m.Period, Today(zone));
        var p = new ReportPeriod(start, end, zone);
        var counts = (await InPeriod(db, p.StartUtc, p.EndUtc).Where(a => a.RuleKey == m.RuleKey).GroupBy(a => a.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(c => c.UserId, c => c.Count);
        var done = (await db.MissionCompletions.AsNoTracking().Where(c => c.MissionId == m.Id && c.PeriodStart == start).Select(c => c.UserId).ToListAsync(ct)).ToHashSet();
        return (await NamesAsync(db, ct)).Where(n => !own || n.Key == access.User.UserId)
            .Select(n => new RepProgress(n.Key, n.Value, Math.Min(counts.GetValueOrDefault(n.Key), m.Target), m.Target, done.Contains(n.Key)))
            .OrderByDescending(r => r.Progress).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Members ranked by points in <paramref name="period"/>: ties share a rank (1, 1, 3), then by name.</summary>
    private async Task<IReadOnlyList<LeaderboardEntry>> RankAsync(CrmDbContext db, ReportPeriod period, CancellationToken ct)
    {
        var totals = (await InPeriod(db, period.StartUtc, period.EndUtc).GroupBy(a => a.UserId)
            .Select(g => new { UserId = g.Key, Points = g.Sum(a => (long)a.Points) }).ToListAsync(ct)).ToDictionary(t => t.UserId, t => t.Points);
        var names = await NamesAsync(db, ct);
        var ordered = names.Select(n => (UserId: n.Key, Name: n.Value, Points: totals.GetValueOrDefault(n.Key)))
            .OrderByDescending(e => e.Points).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        var entries = new List<LeaderboardEntry>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Points == ordered[i - 1].Points ? entries[i - 1].Rank : i + 1;
            entries.Add(new LeaderboardEntry(rank, ordered[i].UserId, ordered[i].Name, ordered[i].Points, ordered[i].UserId == access.User.UserId));
        }
        return entries;
    }

    internal static MissionPeriod ParsePeriod(string? period) =>
        string.IsNullOrWhiteSpace(period) ? MissionPeriod.Week
        : SnakeEnum.TryParse<MissionPeriod>(period, out var grain) ? grain
        : throw new ValidationException("period", "must be day, week or month.");

    private static IQueryable<PointAward> InPeriod(CrmDbContext db, DateTime startUtc, DateTime endUtc) =>
        db.PointAwards.AsNoTracking().Where(a => a.OccurredAt >= startUtc && a.OccurredAt < endUtc);

    private static async Task<Dictionary<Guid, string>> NamesAsync(CrmDbContext db, CancellationToken ct) =>
        (await db.Memberships.AsNoTracking().Select(m => new { m.UserId, m.User!.Name }).ToListAsync(ct)).ToDictionary(m => m.UserId, m => m.Name);

    private static async Task<TimeZoneInfo> ZoneAsync(CrmDbContext db, CancellationToken ct)
    {
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == db.CurrentUser.TenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct);
        return WorkspaceTimeZones.Find(settings?.TimeZone) ?? WorkspaceTimeZones.Default;
    }

    private DateOnly Today(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, zone));
}
