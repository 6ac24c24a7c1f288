using SalesCrm.Core.Common;

namespace SalesCrm.Core.Audit;

/// <summary>One create, update or delete of a business entity, with who did it and which fields changed.</summary>
public sealed class AuditLog : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public DateTime OccurredAt { get; set; }
    public ActorType ActorType { get; set; }
    public Guid? ActorId { get; set; }
    public string? ActorName { get; set; }
    public required string Entity { get; set; }
    public Guid EntityId { get; set; }
    public required string Action { get; set; }
    /// <summary>JSON object: field → { "old", "new" }; secrets are masked.</summary>
    public string Changes { get; set; } = "{}";
    public string? CorrelationId { get; set; }
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
}
