using Microsoft.AspNetCore.Identity;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Identity;

/// <summary>A person who signs in; global (not tenant-owned), joined to tenants through memberships.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Ids.New();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public string Name { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>The tenant opened at sign-in when none is asked for.</summary>
    public Guid? LastTenantId { get; set; }
}
