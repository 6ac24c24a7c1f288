using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Tenancy;

/// <summary>A user's place in a tenant, with one role.</summary>
public sealed class Membership : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public Guid RoleId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When this member last received a lead by round-robin; the longest-waiting rep gets the next one.</summary>
    public DateTime? LastAssignedAt { get; set; }

    public AppUser? User { get; set; }
    public Role? Role { get; set; }
    public Tenant? Tenant { get; set; }
}
