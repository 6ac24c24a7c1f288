using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// The workspace's static suggestions per intent, the copilot's last fallback. Reading needs <c>copilot.use</c>; changing
/// needs <c>knowledge.manage</c> (the people who curate the playbook). A workspace created before the copilot gets the
/// defaults on first use (<see cref="StaticSuggestionDefaults.EnsureAsync"/>).
/// </summary>
public sealed class StaticSuggestionService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time)
{
    public async Task<IReadOnlyList<StaticSuggestionDto>> ListAsync(CopilotIntent? intent, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.CopilotUse, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaticSuggestionDefaults.EnsureAsync(db, tenantId, time.GetUtcNow().UtcDateTime, ct);
        var q = db.StaticSuggestions.AsNoTracking();
        if (intent is { } i) q = q.Where(s => s.Intent == i);
        return (await q.ToListAsync(ct)).OrderBy(s => s.Intent).ThenBy(s => s.Position).ThenBy(s => s.CreatedAt).Select(StaticSuggestionDto.From).ToList();
    }

    /// <exception cref="ValidationException">Missing intent or text, text over <see cref="CopilotLimits.SuggestionLength"/>.</exception>
    public async Task<StaticSuggestionDto> CreateAsync(StaticSuggestionInput input, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        new Validator().When(input.Intent is null, "intent", "is required.").Require("text", input.Text, CopilotLimits.SuggestionLength).ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StaticSuggestionDefaults.EnsureAsync(db, tenantId, now, ct);
        var position = input.Position ?? (await db.StaticSuggestions.Where(s => s.Intent == input.Intent).MaxAsync(s => (int?)s.Position, ct) ?? -1) + 1;
        var item = new StaticSuggestion { TenantId = tenantId, Intent = input.Intent!.Value, Text = input.Text!.Trim(), Position = position, CreatedAt = now, UpdatedAt = now };
        db.StaticSuggestions.Add(item);
        await db.SaveChangesAsync(ct);
        return StaticSuggestionDto.From(item);
    }

    public async Task<StaticSuggestionDto> UpdateAsync(Guid id, StaticSuggestionInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        if (input.Text is not null) new Validator().Require("text", input.Text, CopilotLimits.SuggestionLength).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.StaticSuggestions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Static suggestion", id);
        if (input.Intent is { } intent) item.Intent = intent;
        if (input.Text is not null) item.Text = input.Text.Trim();
        if (input.Position is { } position) item.Position = position;
        item.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return StaticSuggestionDto.From(item);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.StaticSuggestions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Static suggestion", id);
        db.StaticSuggestions.Remove(item);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The intent's static suggestions filled for the lead (the caller has been checked), at most three.</summary>
    internal static async Task<IReadOnlyList<ComposedSuggestion>> ForIntentAsync(CrmDbContext db, Guid tenantId, CopilotIntent intent, LeadFacts? lead, string? seller, DateTime now,
        CancellationToken ct)
    {
        await StaticSuggestionDefaults.EnsureAsync(db, tenantId, now, ct);
        var items = await db.StaticSuggestions.AsNoTracking().Where(s => s.Intent == intent).ToListAsync(ct);
        return items.OrderBy(s => s.Position).ThenBy(s => s.CreatedAt).Take(CopilotLimits.MaxSuggestions)
            .Select(s => new ComposedSuggestion(LeadPlaceholders.Fill(s.Text, lead, seller), [])).ToList();
    }
}
