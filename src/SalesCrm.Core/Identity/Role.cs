using SalesCrm.Core.Common;

namespace SalesCrm.Core.Identity;

/// <summary>A named set of capabilities inside one tenant. System roles carry a <see cref="Key"/>.</summary>
public sealed class Role : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    /// <summary>The system role key (owner, admin, …); null for custom roles.</summary>
    public string? Key { get; set; }
    public List<string> Capabilities { get; set; } = [];
    /// <summary>Which leads members with this role see: all of the tenant's, or only those they own.</summary>
    public VisibilityScope Visibility { get; set; } = VisibilityScope.All;
    public DateTime CreatedAt { get; set; }

    public bool IsSystem => Key is not null;
    public bool IsOwner => Key == SystemRoles.Owner;
}

public enum VisibilityScope { All, Own }
