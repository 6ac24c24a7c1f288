using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Identity;

public sealed record RoleDto(Guid Id, string Name, string? Key, bool IsSystem, IReadOnlyList<string> Capabilities, VisibilityScope Visibility, int MemberCount);

/// <summary>Tenant roles: the seeded system roles and custom ones, with their capability sets.</summary>
public sealed class RoleService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, AccessSignal signal, TimeProvider time)
{
    public async Task<IReadOnlyList<RoleDto>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.UsersManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = (await db.Roles.AsNoTracking().ToListAsync(ct))
            .OrderBy(r => r.Key is null ? int.MaxValue : SystemRoleOrder(r.Key)).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var counts = await db.Memberships.GroupBy(m => m.RoleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return roles.Select(r => ToDto(r, counts.GetValueOrDefault(r.Id))).ToList();
    }

    public async Task<RoleDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.UsersManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await db.Roles.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Role", id);
        return ToDto(role, await db.Memberships.CountAsync(m => m.RoleId == id, ct));
    }

    public async Task<RoleDto> CreateAsync(string? name, IReadOnlyCollection<string>? capabilities, VisibilityScope? visibility = null, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.UsersManage, ct);
        var caps = ValidateCapabilities(capabilities ?? []);
        new Validator().Require("name", name, 60).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureNameFreeAsync(db, name!.Trim(), null, ct);
        var role = new Role { Name = name.Trim(), Capabilities = caps, Visibility = visibility ?? VisibilityScope.All, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Roles.Add(role);
        await db.SaveChangesAsync(ct);
        return ToDto(role, 0);
    }

    /// <summary>Renames a custom role and/or replaces its capabilities. System roles keep their names; the owner role is fixed.</summary>
    public async Task<RoleDto> UpdateAsync(Guid id, string? name, IReadOnlyCollection<string>? capabilities, VisibilityScope? visibility = null, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.UsersManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Role", id);
        if (name is not null)
        {
            new Validator().Require("name", name, 60).ThrowIfInvalid();
            if (role.IsSystem && name.Trim() != role.Name) throw new ConflictException("System roles cannot be renamed.");
            await EnsureNameFreeAsync(db, name.Trim(), id, ct);
            role.Name = name.Trim();
        }
        if (capabilities is not null)
        {
            var caps = ValidateCapabilities(capabilities);
            if (role.IsOwner) throw new ConflictException("The owner role always has every capability.");
            role.Capabilities = caps;
        }
        if (visibility is { } scope)
        {
            if (role.IsOwner && scope != VisibilityScope.All) throw new ConflictException("The owner role always sees every lead.");
            role.Visibility = scope;
        }
        await db.SaveChangesAsync(ct);
        access.Refresh();
        signal.Notify(role.TenantId);
        return ToDto(role, await db.Memberships.CountAsync(m => m.RoleId == id, ct));
    }

    public Task<RoleDto> SetCapabilitiesAsync(Guid id, IReadOnlyCollection<string>? capabilities, CancellationToken ct = default) =>
        UpdateAsync(id, null, capabilities ?? throw new ValidationException("capabilities", "is required."), null, ct);

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.UsersManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Role", id);
        if (role.IsSystem) throw new ConflictException("System roles cannot be deleted.");
        if (await db.Memberships.AnyAsync(m => m.RoleId == id, ct)) throw new ConflictException("The role is still assigned to members.");
        db.Roles.Remove(role);
        await db.SaveChangesAsync(ct);
    }

    private static int SystemRoleOrder(string key)
    {
        for (var i = 0; i < SystemRoles.Seed.Count; i++) if (SystemRoles.Seed[i].Key == key) return i;
        return SystemRoles.Seed.Count;
    }

    internal static List<string> ValidateCapabilities(IEnumerable<string> capabilities, string field = "capabilities")
    {
        var list = capabilities.Select(c => c?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        var unknown = list.Where(c => !Capabilities.IsKnown(c)).ToList();
        if (unknown.Count > 0) throw new ValidationException(field, $"Unknown capabilities: {string.Join(", ", unknown)}.");
        return list.OrderBy(c => Capabilities.All.IndexOf(c)).ToList();
    }

    private static async Task EnsureNameFreeAsync(CrmDbContext db, string name, Guid? except, CancellationToken ct)
    {
        var lower = name.ToLowerInvariant();
        if (await db.Roles.AnyAsync(r => r.Name.ToLower() == lower && r.Id != except, ct))
            throw new ConflictException($"A role named '{name}' already exists.");
    }

    private static RoleDto ToDto(Role r, int members) => new(r.Id, r.Name, r.Key, r.IsSystem, r.Capabilities, r.Visibility, members);
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
