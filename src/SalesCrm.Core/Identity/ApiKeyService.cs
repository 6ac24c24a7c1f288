using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Identity;

public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt,
    DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt, bool Active);

/// <summary>The only response that carries the secret key.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Key, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? ExpiresAt);

/// <summary>Identity of a verified key, used by the authentication handler.</summary>
public sealed record ApiKeyIdentity(Guid Id, Guid TenantId, string Name);

/// <summary>Per-tenant API keys: created with a subset of the creator's capabilities, stored hashed, revocable.</summary>
public sealed class ApiKeyService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time)
{
    private const string KeyPrefix = "sk_";
    private static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        return keys.Select(k => ToDto(k, now)).ToList();
    }

    public async Task<CreatedApiKey> CreateAsync(string? name, IReadOnlyCollection<string>? scopes, DateTime? expiresAt, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var v = new Validator().Require("name", name, 100)
            .When(scopes is null || scopes.Count == 0, "scopes", "at least one scope is required.")
            .When(expiresAt is { } e && e.ToUniversalTime() <= now, "expires_at", "must be in the future.");
        v.ThrowIfInvalid();
        var list = RoleService.ValidateCapabilities(scopes!, "scopes");
        var mine = await access.GetCapabilitiesAsync(ct);
        var beyond = list.Where(s => !mine.Contains(s)).ToList();
        if (beyond.Count > 0) throw new ValidationException("scopes", $"You cannot grant capabilities you do not hold: {string.Join(", ", beyond)}.");

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(24));
        var key = new ApiKey
        {
            Name = name!.Trim(), Prefix = prefix, SecretHash = AuthService.Hash(secret), Scopes = list,
            CreatedByUserId = access.User.UserId, CreatedAt = now, ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(key.Id, key.Name, $"{KeyPrefix}{prefix}_{secret}", prefix, key.Scopes, key.CreatedAt, key.ExpiresAt);
    }

    /// <summary>Revokes a key; it stops working on the next request. The row stays for the audit trail.</summary>
    public async Task RevokeAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("API key", id);
        if (key.RevokedAt is not null) return;
        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Verifies a raw key (constant-time hash compare) and records its last use; null when invalid.</summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string? rawKey, CancellationToken ct = default)
    {
        if (rawKey is null || !rawKey.StartsWith(KeyPrefix, StringComparison.Ordinal)) return null;
        var parts = rawKey[KeyPrefix.Length..].Split('_', 2);
        if (parts.Length != 2 || parts[0].Length != 12) return null;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == parts[0], ct);
        if (key is null || !key.IsActive(now)) return null;
        var expected = Convert.FromHexString(key.SecretHash);
        var actual = Convert.FromHexString(AuthService.Hash(parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual)) return null;
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedGranularity)
        {
            // Bypasses auditing on purpose: a last-used stamp is not a business change.
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return new ApiKeyIdentity(key.Id, key.TenantId, key.Name);
    }

    private static ApiKeyDto ToDto(ApiKey k, DateTime now) =>
        new(k.Id, k.Name, k.Prefix, k.Scopes, k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt, k.IsActive(now));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
