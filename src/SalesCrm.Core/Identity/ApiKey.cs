using SalesCrm.Core.Common;

namespace SalesCrm.Core.Identity;

/// <summary>A tenant's machine credential. The secret is shown once; only its hash is kept.</summary>
public sealed class ApiKey : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    /// <summary>Public lookup part of the key (<c>sk_{Prefix}_{secret}</c>).</summary>
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public List<string> Scopes { get; set; } = [];
    public Guid? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
