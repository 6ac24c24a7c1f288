using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Identity;

public sealed record UserDto(Guid Id, string Email, string Name);

public sealed record TokenSession(UserDto User, TenantDto Tenant, string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");

public sealed record MeDto(UserDto User, TenantDto? CurrentTenant, IReadOnlyList<MembershipSummary> Memberships, IReadOnlyList<string> Capabilities);

/// <summary>Registration, password sign-in for API clients, refresh-token rotation and tenant switching.</summary>
public sealed class AuthService(
    IDbContextFactory<CrmDbContext> dbFactory,
    UserAccounts accounts,
    TenantService tenants,
    CapabilityResolver capabilities,
    IAccessTokenIssuer issuer,
    TimeProvider time)
{
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);

    /// <summary>Creates the user, a new tenant they own, and returns the first token pair.</summary>
    public async Task<TokenSession> RegisterAsync(string email, string password, string name, string tenantName, CancellationToken ct = default)
    {
        var (user, tenant) = await CreateAccountAsync(email, password, name, tenantName, ct);
        return await IssueAsync(user, tenant.Id, familyId: null, ct);
    }

    /// <summary>Creates the user and a tenant they own; shared by the API and the register page.</summary>
    public async Task<(AppUser User, Tenant Tenant)> CreateAccountAsync(string email, string password, string name, string tenantName, CancellationToken ct = default)
    {
        new Validator().Email("email", email).Password("password", password).Require("name", name, 120)
            .Require("tenant_name", tenantName, 120).ThrowIfInvalid();
        var user = await accounts.CreateAsync(email, name, password, ct);
        var tenant = await CreateTenantForAsync(user.Id, tenantName, ct);
        user.LastTenantId = tenant.Id;
        return (user, tenant);
    }

    /// <summary>Creates a tenant owned by an existing user (register page, "new workspace").</summary>
    public async Task<Tenant> CreateTenantForAsync(Guid userId, string tenantName, CancellationToken ct = default)
    {
        new Validator().Require("tenant_name", tenantName, 120).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tenant = await tenants.CreateAsync(db, tenantName, userId, ct);
        await db.SaveChangesAsync(ct);
        await accounts.SetLastTenantAsync(userId, tenant.Id, ct);
        return tenant;
    }

    public async Task<TokenSession> LoginAsync(string email, string password, Guid? tenantId = null, CancellationToken ct = default)
    {
        new Validator().Require("email", email, 254).Require("password", password, 128).ThrowIfInvalid();
        var user = await accounts.CheckPasswordAsync(email, password, ct);
        var tenant = await PickTenantAsync(user, tenantId, ct);
        return await IssueAsync(user, tenant, familyId: null, ct);
    }

    /// <summary>The tenant a sign-in opens: the one asked for, else the last used, else the first membership.</summary>
    public async Task<Guid> PickTenantAsync(AppUser user, Guid? requested, CancellationToken ct = default)
    {
        var memberships = await tenants.ListForUserAsync(user.Id, ct);
        if (requested is { } wanted)
        {
            return memberships.Any(m => m.TenantId == wanted)
                ? wanted
                : throw new ForbiddenException("You are not a member of that tenant.", ErrorCodes.TenantAccessDenied);
        }
        if (user.LastTenantId is { } last && memberships.Any(m => m.TenantId == last)) return last;
        return memberships.Count > 0 ? memberships[0].TenantId : throw new ForbiddenException("You do not belong to any tenant.", ErrorCodes.TenantAccessDenied);
    }

    /// <summary>Rotates a refresh token. A token used twice revokes its whole family (it leaked).</summary>
    public async Task<TokenSession> RefreshAsync(string refreshToken, CancellationToken ct = default)
    {
        new Validator().Require("refresh_token", refreshToken, 200).ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = Hash(refreshToken);
        var token = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
            throw new UnauthorizedException("Invalid refresh token.");
        if (token.UsedAt is not null)
        {
            await RevokeFamilyAsync(db, token.FamilyId, now, ct);
            throw new UnauthorizedException("Refresh token reuse detected; the session was revoked.");
        }
        // Claim the token with a conditional update so two concurrent refreshes cannot both succeed.
        var claimed = await db.RefreshTokens.Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (claimed == 0)
        {
            await RevokeFamilyAsync(db, token.FamilyId, now, ct);
            throw new UnauthorizedException("Refresh token reuse detected; the session was revoked.");
        }
        var user = await accounts.FindByIdAsync(token.UserId, ct) ?? throw new UnauthorizedException("Invalid refresh token.");
        if (!await capabilities.IsMemberAsync(user.Id, token.TenantId, ct))
            throw new ForbiddenException("You are no longer a member of this tenant.", ErrorCodes.TenantAccessDenied);
        return await IssueAsync(user, token.TenantId, token.FamilyId, ct);
    }

    /// <summary>Revokes the refresh token's family, ending that session everywhere.</summary>
    public async Task LogoutAsync(string refreshToken, CancellationToken ct = default)
    {
        new Validator().Require("refresh_token", refreshToken, 200).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = Hash(refreshToken);
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is not null) await RevokeFamilyAsync(db, token.FamilyId, time.GetUtcNow().UtcDateTime, ct);
    }

    public async Task<TokenSession> SwitchTenantAsync(Guid userId, Guid tenantId, CancellationToken ct = default)
    {
        var user = await accounts.FindByIdAsync(userId, ct) ?? throw new UnauthorizedException();
        if (!await capabilities.IsMemberAsync(userId, tenantId, ct))
            throw new ForbiddenException("You are not a member of that tenant.", ErrorCodes.TenantAccessDenied);
        await accounts.SetLastTenantAsync(userId, tenantId, ct);
        return await IssueAsync(user, tenantId, familyId: null, ct);
    }

    public async Task<MeDto> MeAsync(ICurrentUser current, CancellationToken ct = default)
    {
        var userId = current.UserId ?? throw new UnauthorizedException();
        var user = await accounts.FindByIdAsync(userId, ct) ?? throw new UnauthorizedException();
        var memberships = await tenants.ListForUserAsync(userId, ct);
        var tenant = current.TenantId is { } t ? await tenants.FindAsync(t, ct) : null;
        var caps = await capabilities.ResolveAsync(userId, current.TenantId, null, ct);
        return new MeDto(ToDto(user), tenant, memberships, caps.Order(StringComparer.Ordinal).ToList());
    }

    private async Task<TokenSession> IssueAsync(AppUser user, Guid tenantId, Guid? familyId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var caps = await capabilities.ResolveAsync(user.Id, tenantId, null, ct);
        var access = issuer.Issue(user, tenantId, caps.ToList());
        var refresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = user.Id, TenantId = tenantId, FamilyId = familyId ?? Ids.New(), TokenHash = Hash(refresh),
            CreatedAt = now, ExpiresAt = now + RefreshLifetime,
        });
        await db.SaveChangesAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new TenantDto(t.Id, t.Name, t.Slug, t.Plan)).FirstAsync(ct);
        return new TokenSession(ToDto(user), tenant, access.Token, refresh, access.ExpiresInSeconds);
    }

    private static Task RevokeFamilyAsync(CrmDbContext db, Guid familyId, DateTime now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);

    internal static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public static UserDto ToDto(AppUser user) => new(user.Id, user.Email ?? "", user.Name);
}
