using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Gamification;

/// <summary>
/// Turns one workspace's events into <see cref="PointAward"/> rows and mission completions, in the caller's context
/// (the outbox dispatcher's transaction, or a replay). Loaded once per batch: the rules, active missions, members and zone.
/// Everything is keyed by the source (event or reply) and rule and checked against the table and the rows added in this
/// batch, so the same events give the same ledger however often they are handled.
/// </summary>
public sealed class GameBook
{
    private readonly CrmDbContext _db;
    private readonly Dictionary<string, PointRuleDto> _rules;
    private readonly List<Mission> _missions;
    private readonly HashSet<Guid> _members;
    private readonly List<PointAward> _pending = [];
    private readonly List<MissionCompletion> _completions = [];

    public Guid TenantId { get; }
    public TimeZoneInfo Zone { get; }

    private GameBook(CrmDbContext db, Guid tenantId, IEnumerable<PointRuleDto> rules, List<Mission> missions, HashSet<Guid> members, TimeZoneInfo zone)
    {
        (_db, TenantId, _missions, _members, Zone) = (db, tenantId, missions, members, zone);
        _rules = rules.Where(r => r.Enabled).ToDictionary(r => r.Key, StringComparer.Ordinal);
    }

    /// <summary>The awards and completions this book added that are not saved yet.</summary>
    public int PendingCount => _pending.Count + _completions.Count;

    /// <summary>Reads what scoring needs for <paramref name="tenantId"/> (ignoring the context's tenant filter: the dispatcher works for all workspaces).</summary>
    public static async Task<GameBook> LoadAsync(CrmDbContext db, Guid tenantId, CancellationToken ct)
    {
        var stored = await db.PointRules.IgnoreQueryFilters().Where(r => r.TenantId == tenantId).ToListAsync(ct);
        var missions = await db.Missions.IgnoreQueryFilters().Where(m => m.TenantId == tenantId && m.IsActive).ToListAsync(ct);
        var members = (await db.Memberships.IgnoreQueryFilters().Where(m => m.TenantId == tenantId).Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        var settings = await db.Tenants.IgnoreQueryFilters().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct);
        return new GameBook(db, tenantId, PointRules.Effective(stored), missions, members, WorkspaceTimeZones.Find(settings?.TimeZone) ?? WorkspaceTimeZones.Default);
    }

    /// <summary>Forgets the rows added since the last save (call after saving them).</summary>
    public void Saved()
    {
        _pending.Clear();
        _completions.Clear();
    }

    /// <summary>Scores one event of this workspace: its rule's award, fast replies on its lead, missions these complete.</summary>
    public async Task ApplyAsync(CrmEvent e, CancellationToken ct)
    {
        if (e.TenantId != TenantId) throw new InvalidOperationException("An event of another workspace.");
        if (e.Type == EventTypes.MissionCompleted)
        {
            if (Payload(e) is { } p && UserIn(p, "user_id") is { } user && p.TryGetProperty("points", out var pts) && pts.TryGetInt32(out var points))
                await AwardAsync(user, EventTypes.MissionCompleted, e.Id, e.LeadId, points, e.OccurredAt, ct);
        }
        else if (_rules.TryGetValue(e.Type, out var rule) && Credit(e) is { } user && Counts(e))
        {
            await AwardAsync(user, rule.Key, e.Id, e.LeadId, rule.Points, e.OccurredAt, ct);
        }
        if (e.LeadId is { } leadId && _rules.TryGetValue(PointRules.FastReply, out var fast))
        {
            var seconds = (long)(fast.ThresholdMinutes ?? PointRules.DefaultFastReplyMinutes) * 60;
            var replies = await _db.LeadResponses.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.TenantId == TenantId && r.LeadId == leadId && r.RespondedAt != null && r.ResponderId != null && r.Seconds <= seconds)
                .Select(r => new { r.Id, r.ResponderId, r.RespondedAt }).ToListAsync(ct);
            foreach (var reply in replies.Where(r => _members.Contains(r.ResponderId!.Value)))
                await AwardAsync(reply.ResponderId!.Value, PointRules.FastReply, reply.Id, leadId, fast.Points, reply.RespondedAt!.Value, ct);
        }
    }

    /// <summary>
    /// Who earns an event: the member who acted, or (an integration's or workflow's event) the member its payload names
    /// in <c>user_id</c>. Someone not in the workspace earns nothing.
    /// </summary>
    private Guid? Credit(CrmEvent e)
    {
        if (e.ActorType == Common.ActorType.User && e.ActorId is { } actor && _members.Contains(actor)) return actor;
        return Payload(e) is { } p ? UserIn(p, "user_id") : null;
    }

    /// <summary>A quiz earns points when passed; an integrator's quiz event without <c>passed</c> counts.</summary>
    private static bool Counts(CrmEvent e) =>
        e.Type != EventTypes.QuizCompleted || Payload(e) is not { } p || !p.TryGetProperty("passed", out var passed) || passed.ValueKind != JsonValueKind.False;

    private Guid? UserIn(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out var id) && _members.Contains(id) ? id : null;

    private static JsonElement? Payload(CrmEvent e)
    {
        try
        {
            var p = JsonSerializer.Deserialize<JsonElement>(e.Payload);
            return p.ValueKind == JsonValueKind.Object ? p : null;
        }
        catch (JsonException) { return null; }
    }

    private async Task AwardAsync(Guid user, string key, Guid source, Guid? leadId, int points, DateTime at, CancellationToken ct)
    {
        if (_pending.Any(a => a.SourceId == source && a.RuleKey == key)) return;
        if (await _db.PointAwards.IgnoreQueryFilters().AnyAsync(a => a.TenantId == TenantId && a.SourceId == source && a.RuleKey == key, ct)) return;
        var award = new PointAward { TenantId = TenantId, UserId = user, RuleKey = key, SourceId = source, LeadId = leadId, Points = points, OccurredAt = at };
        _db.PointAwards.Add(award);
        _pending.Add(award);
        foreach (var mission in _missions.Where(m => m.RuleKey == key)) await CheckMissionAsync(mission, user, at, ct);
    }

    /// <summary>Completes <paramref name="mission"/> for <paramref name="user"/> in the period of <paramref name="at"/> when its target is reached, once.</summary>
    private async Task CheckMissionAsync(Mission mission, Guid user, DateTime at, CancellationToken ct)
    {
        var (start, startUtc, endUtc) = MissionPeriods.Of(mission.Period, at, Zone);
        if (_completions.Any(c => c.MissionId == mission.Id && c.UserId == user && c.PeriodStart == start)) return;
        if (await _db.MissionCompletions.IgnoreQueryFilters().AnyAsync(c => c.TenantId == TenantId && c.MissionId == mission.Id && c.UserId == user && c.PeriodStart == start, ct)) return;
        var saved = await _db.PointAwards.IgnoreQueryFilters()
            .CountAsync(a => a.TenantId == TenantId && a.UserId == user && a.RuleKey == mission.RuleKey && a.OccurredAt >= startUtc && a.OccurredAt < endUtc, ct);
        var added = _pending.Count(a => a.UserId == user && a.RuleKey == mission.RuleKey && a.OccurredAt >= startUtc && a.OccurredAt < endUtc);
        if (saved + added < mission.Target) return;
        var e = _db.Record(EventTypes.MissionCompleted, TenantId, null,
            new { mission_id = mission.Id.ToString(), user_id = user, points = mission.Points, title = mission.Title, period_start = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, at);
        var completion = new MissionCompletion { TenantId = TenantId, MissionId = mission.Id, UserId = user, PeriodStart = start, CompletedAt = at, EventId = e.Id };
        _db.MissionCompletions.Add(completion);
        _completions.Add(completion);
        MissionsCompleted.Add(e);
    }

    /// <summary>The <c>mission.completed</c> events this book recorded, to publish once they commit.</summary>
    public List<CrmEvent> MissionsCompleted { get; } = [];
}
