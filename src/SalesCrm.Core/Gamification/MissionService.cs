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

    /// <summary>Creates a mission; a <see cref="ValidationException"/> names each bad field.</summary>
    public async Task<MissionDto> CreateAsync(MissionInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.PipelineManage, ct);
        var v = new Validator().Require("title", input.Title)
            .When(input.RuleKey is null || !PointRules.IsKey(input.RuleKey), "rule_key", $"must be one of {string.Join(", ", PointRules.Defaults.Select(d => d.Key))}.")
            .When(input.Target is null or < 1 or > 1000, "target", "must be between 1 and 1000.");
        var period = Period(input.Period, v) ?? MissionPeriod.Week;
        v.When(input.Points is < 0 or > 10000, "points", "must be between 0 and 10000.");
        v.ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mission = new Mission
        {
            Title = input.Title!.Trim(), RuleKey = input.RuleKey!, Target = input.Target!.Value, Period = period, Points = input.Points ?? 0,
            IsActive = input.IsActive ?? true, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Missions.Add(mission);
        await db.SaveChangesAsync(ct);
        return ToDto(mission);
    }

    /// <summary>Changes a mission's title, target, reward or whether it is active; another workspace's id is not found.</summary>
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

    public static MissionDto ToDto(Mission m) => new(m.Id, m.Title, m.RuleKey, m.Target, m.Period, m.Points, m.IsActive);
}
