using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Identity;

/// <summary>
/// Works out what an actor may do in a tenant from the database, never from token claims alone, so a role change
/// or a revoked key takes effect on the next request.
/// </summary>
public sealed class CapabilityResolver(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlySet<string>> ResolveAsync(Guid? userId, Guid? tenantId, Guid? apiKeyId, CancellationToken ct = default)
    {
        if (tenantId is null) return Empty;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (apiKeyId is not null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
                .Where(k => k.Id == apiKeyId && k.TenantId == tenantId && k.RevokedAt == null)
                .Select(k => new { k.Scopes, k.ExpiresAt }).FirstOrDefaultAsync(ct);
            if (key is null || key.ExpiresAt <= now) return Empty;
            return key.Scopes.Where(Capabilities.IsKnown).ToHashSet(StringComparer.Ordinal);
        }
        if (userId is null) return Empty;
        var caps = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId && m.TenantId == tenantId)
            .Select(m => m.Role!.Capabilities).FirstOrDefaultAsync(ct);
        return caps is null ? Empty : caps.Where(Capabilities.IsKnown).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Which leads the actor sees: API keys see all of the tenant's; users as their role says.</summary>
    public async Task<VisibilityScope> ResolveVisibilityAsync(Guid? userId, Guid? tenantId, Guid? apiKeyId, CancellationToken ct = default)
    {
        if (apiKeyId is not null || userId is null || tenantId is null) return VisibilityScope.All;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId && m.TenantId == tenantId)
            .Select(m => (VisibilityScope?)m.Role!.Visibility).FirstOrDefaultAsync(ct) ?? VisibilityScope.Own;
    }

    public async Task<bool> IsMemberAsync(Guid userId, Guid tenantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == userId && m.TenantId == tenantId, ct);
    }

    private static readonly IReadOnlySet<string> Empty = new HashSet<string>();
}
