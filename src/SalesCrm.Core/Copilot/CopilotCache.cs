using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Answers kept per workspace for identical requests: same lead stage, intent, window state and normalized context, for
/// <see cref="CopilotOptions.CacheTtlMinutes"/>. Only model and playbook answers are kept (a fallback after a timeout is
/// not, so one slow moment is not repeated for an hour). Listing and clearing need <c>knowledge.manage</c>: entries hold
/// customers' words.
/// </summary>
public sealed class CopilotCache(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, IOptions<CopilotOptions> options, TimeProvider time)
{
    public bool Enabled => options.Value.CacheTtlMinutes > 0;

    /// <summary>The cache key of a request.</summary>
    public static string Key(Guid? stageId, CopilotIntent intent, bool? windowOpen, string normalizedContext) =>
        CopilotText.Hash(stageId?.ToString(), Data.SnakeEnum.ToText(intent), windowOpen?.ToString(), normalizedContext);

    /// <summary>A live entry for the key, its hit counted; null when none.</summary>
    internal async Task<CopilotCacheEntry?> FindAsync(CrmDbContext db, string key, CancellationToken ct)
    {
        if (!Enabled) return null;
        var now = time.GetUtcNow().UtcDateTime;
        var entry = await db.CopilotCache.Where(c => c.Key == key && c.ExpiresAt > now).OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (entry is not null) entry.Hits++;
        return entry;
    }

    /// <summary>
    /// Adds an answer (with the lead's name generalized) to the context, saved with its session; the key's older entries
    /// and expired ones are deleted at once.
    /// </summary>
    internal async Task AddAsync(CrmDbContext db, Guid tenantId, string key, CopilotIntent intent, LeadFacts? lead, string? seller, string normalizedContext, SuggestionOrigin provider,
        IReadOnlyList<ComposedSuggestion> suggestions, IReadOnlyList<Guid> chunkIds, CancellationToken ct)
    {
        if (!Enabled || suggestions.Count == 0) return;
        var now = time.GetUtcNow().UtcDateTime;
        await db.CopilotCache.Where(c => c.Key == key || c.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        db.CopilotCache.Add(new CopilotCacheEntry
        {
            TenantId = tenantId, Key = key, Intent = intent, StageId = lead?.StageId, NormalizedContext = CopilotText.Clip(normalizedContext, CopilotLimits.ContextLength),
            Provider = provider, ChunkIds = chunkIds.ToList(), CreatedAt = now, ExpiresAt = now.AddMinutes(options.Value.CacheTtlMinutes),
            Suggestions = suggestions.Select(s => new CachedSuggestion(LeadPlaceholders.Generalize(s.Text, lead, seller), s.Sources)).ToList(),
        });
    }

    public async Task<Paged<CopilotCacheEntryDto>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        page.Normalize();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.CopilotCache.AsNoTracking().Where(c => c.ExpiresAt > now);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.CreatedAt).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<CopilotCacheEntryDto>(rows.Select(c => new CopilotCacheEntryDto(c.Id, c.Intent, c.StageId, c.NormalizedContext, c.Provider, c.Suggestions.Count, c.Hits,
            c.CreatedAt, c.ExpiresAt)).ToList(), total, page.Limit, page.Offset);
    }

    /// <summary>Empties the workspace's cache (e.g. after the playbook changed); returns how many entries went.</summary>
    public async Task<int> ClearAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CopilotCache.ExecuteDeleteAsync(ct);
    }
}
