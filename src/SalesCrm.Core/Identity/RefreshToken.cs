using SalesCrm.Core.Common;

namespace SalesCrm.Core.Identity;

/// <summary>
/// One link of a refresh-token family. Only the hash is stored. Using a spent token again means it leaked,
/// so the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; } = Ids.New();
    public Guid UserId { get; set; }
    public Guid TenantId { get; set; }
    public Guid FamilyId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
