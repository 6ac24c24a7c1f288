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
    public DateTime CreatedAt { get; set; }

    public bool IsSystem => Key is not null;
    public bool IsOwner => Key == SystemRoles.Owner;
}
