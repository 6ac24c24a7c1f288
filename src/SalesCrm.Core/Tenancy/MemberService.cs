using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Tenancy;

public sealed record PersonDto(Guid UserId, string Name, string? RoleKey);

public sealed record MemberDto(Guid Id, Guid UserId, Guid TenantId, Guid RoleId, string Email, string Name, string RoleName, DateTime CreatedAt);

/// <summary>Who belongs to the current tenant and with which role. The last owner always stays.</summary>
public sealed class MemberService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, AccessSignal signal, UserAccounts accounts, TimeProvider time)
{
    public async Task<Paged<MemberDto>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.UsersManage, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Memberships.AsNoTracking();
        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderBy(m => m.User!.Email)).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<MemberDto>(items, total, page.Limit, page.Offset);
    }

    /// <summary>Names of the tenant's people, for owner pickers and avatars; anyone who can read leads may see it.</summary>
    public async Task<IReadOnlyList<PersonDto>> DirectoryAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Memberships.AsNoTracking().OrderBy(m => m.User!.Name)
            .Select(m => new PersonDto(m.UserId, m.User!.Name, m.Role!.Key)).ToListAsync(ct);
    }

    public async Task<MemberDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.UsersManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.Memberships.AsNoTracking().Where(m => m.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Member", id);
    }

    /// <summary>Adds an existing user by email, or creates the account when <paramref name="name"/> and <paramref name="password"/> are given.</summary>
    public async Task<MemberDto> AddAsync(string? email, Guid? roleId, string? name, string? password, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.UsersManage, ct);
        new Validator().Email("email", email).When(roleId is null || roleId == Guid.Empty, "role_id", "is required.").ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == roleId, ct) ?? throw new ValidationException("role_id", "does not name a role of this tenant.");
        await EnsureCanGrantAsync(role, ct);
        var user = await accounts.FindByEmailAsync(email!, ct);
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(password))
            {
                var v = new Validator();
                v.When(string.IsNullOrWhiteSpace(name), "name", "is required when the user has no account yet.");
                v.When(string.IsNullOrWhiteSpace(password), "password", "is required when the user has no account yet.");
                v.ThrowIfInvalid();
            }
            user = await accounts.CreateAsync(email!, name!, password!, ct);
        }
        if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct)) throw new ConflictException("This user is already a member.");
        var membership = new Membership { TenantId = tenantId, UserId = user.Id, RoleId = role.Id, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return new MemberDto(membership.Id, user.Id, tenantId, role.Id, user.Email ?? "", user.Name, role.Name, membership.CreatedAt);
    }

    public async Task<MemberDto> ChangeRoleAsync(Guid id, Guid? roleId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.UsersManage, ct);
        new Validator().When(roleId is null || roleId == Guid.Empty, "role_id", "is required.").ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var membership = await db.Memberships.Include(m => m.Role).FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("Member", id);
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == roleId, ct) ?? throw new ValidationException("role_id", "does not name a role of this tenant.");
        await EnsureCanGrantAsync(role, ct);
        if (membership.Role!.IsOwner && !role.IsOwner) await EnsureAnotherOwnerAsync(db, membership.Id, ct);
        membership.RoleId = role.Id;
        await db.SaveChangesAsync(ct);
        access.Refresh();
        signal.Notify(membership.TenantId);
        return await Project(db.Memberships.AsNoTracking().Where(m => m.Id == id)).FirstAsync(ct);
    }

    public async Task RemoveAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.UsersManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var membership = await db.Memberships.Include(m => m.Role).FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("Member", id);
        if (membership.Role!.IsOwner) await EnsureAnotherOwnerAsync(db, membership.Id, ct);
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        signal.Notify(membership.TenantId);
    }

    /// <summary>Only an owner may make someone an owner, so admins cannot promote past themselves.</summary>
    private async Task EnsureCanGrantAsync(Role role, CancellationToken ct)
    {
        if (role.IsOwner && !await access.HasAsync(Capabilities.TenantsManage, ct))
            throw new ForbiddenException("Only owners can grant the owner role.");
    }

    private static async Task EnsureAnotherOwnerAsync(CrmDbContext db, Guid membershipId, CancellationToken ct)
    {
        if (!await db.Memberships.AnyAsync(m => m.Id != membershipId && m.Role!.Key == SystemRoles.Owner, ct))
            throw new ConflictException("The last owner cannot be removed or demoted.");
    }

    private static IQueryable<MemberDto> Project(IQueryable<Membership> query) =>
        query.Select(m => new MemberDto(m.Id, m.UserId, m.TenantId, m.RoleId, m.User!.Email ?? "", m.User.Name, m.Role!.Name, m.CreatedAt));
}
