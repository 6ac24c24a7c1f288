using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Gamification;

/// <summary>Missions of the workspace: listed with <c>leads.read</c>, created and changed with <c>pipeline.manage</c>.</summary>
public sealed class MissionService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time)
{
    public async Task<IReadOnlyList<MissionDto>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Missions.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync(ct)).Select(ToDto).ToList();
    }

    /// <summary>
    /// Creates a mission; a <see cref="ValidationException"/> names each bad field: <c>rule_key</c> also when the points table has
    /// that rule switched off (it awards nothing, so the mission could never progress).
    /// </summary>
    public async Task<MissionDto> CreateAsync(MissionInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.PipelineManage, ct);
        var v = new Validator().Require("title", input.Title)
            .When(input.Title is { Length: > 200 }, "title", "must be 1 to 200 characters.")
            .When(input.RuleKey is null || !PointRules.IsKey(input.RuleKey), "rule_key", $"must be one of {string.Join(", ", PointRules.Defaults.Select(d => d.Key))}.")
            .When(input.Target is null or < 1 or > 1000, "target", "must be between 1 and 1000.");
        var period = Period(input.Period, v) ?? MissionPeriod.Week;
        v.When(input.Points is < 0 or > 10000, "points", "must be between 0 and 10000.");
        v.ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireScoredAsync(db, input.RuleKey!, ct);
        var mission = new Mission
        {
            Title = input.Title!.Trim(), RuleKey = input.RuleKey!, Target = input.Target!.Value, Period = period, Points = input.Points ?? 0,
            IsActive = input.IsActive ?? true, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Missions.Add(mission);
        await db.SaveChangesAsync(ct);
        return ToDto(mission);
    }

    /// <summary>
    /// Changes a mission's title, rule, target, reward or whether it is active; another workspace's id is not found. Moving it to a
    /// rule the points table has switched off is a 400 on <c>rule_key</c>, as on create; keeping its rule is always allowed.
    /// </summary>
    public async Task<MissionDto> UpdateAsync(Guid id, MissionInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.PipelineManage, ct);
        var v = new Validator()
            .When(input.Title is not null && (input.Title.Trim().Length == 0 || input.Title.Length > 200), "title", "must be 1 to 200 characters.")
            .When(input.RuleKey is not null && !PointRules.IsKey(input.RuleKey), "rule_key", "is not a rule key.")
            .When(input.Target is < 1 or > 1000, "target", "must be between 1 and 1000.")
            .When(input.Points is < 0 or > 10000, "points", "must be between 0 and 10000.");
        var period = Period(input.Period, v);
        v.ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.Missions.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Mission", id);
        if (input.RuleKey is { } rule && rule != m.RuleKey) await RequireScoredAsync(db, rule, ct);
        m.Title = input.Title?.Trim() ?? m.Title;
        m.RuleKey = input.RuleKey ?? m.RuleKey;
        m.Target = input.Target ?? m.Target;
        m.Period = period ?? m.Period;
        m.Points = input.Points ?? m.Points;
        m.IsActive = input.IsActive ?? m.IsActive;
        await db.SaveChangesAsync(ct);
        return ToDto(m);
    }

    private static MissionPeriod? Period(string? text, Validator v)
    {
        if (text is null) return null;
        if (SnakeEnum.TryParse<MissionPeriod>(text, out var p)) return p;
        v.Add("period", "must be day, week or month.");
        return null;
    }

    /// <summary>A 400 on <c>rule_key</c> when the workspace's points table has <paramref name="rule"/> switched off.</summary>
    private static async Task RequireScoredAsync(CrmDbContext db, string rule, CancellationToken ct)
    {
        if (await db.PointRules.AsNoTracking().AnyAsync(r => r.Key == rule && !r.Enabled, ct))
            throw new ValidationException("rule_key", "is switched off in the points table: it awards nothing, so the mission could never progress.");
    }

    public static MissionDto ToDto(Mission m) => new(m.Id, m.Title, m.RuleKey, m.Target, m.Period, m.Points, m.IsActive);
}
