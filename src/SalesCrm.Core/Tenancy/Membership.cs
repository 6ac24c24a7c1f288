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

    public AppUser? User { get; set; }
    public Role? Role { get; set; }
    public Tenant? Tenant { get; set; }
}
