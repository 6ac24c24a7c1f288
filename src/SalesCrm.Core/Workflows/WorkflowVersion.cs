using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows;

/// <summary>A published graph. Never changed after insert: a run keeps the version it started on.</summary>
public sealed class WorkflowVersion : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid WorkflowId { get; set; }
    /// <summary>1, 2, 3… per workflow.</summary>
    public int Version { get; set; }
    /// <summary>The <see cref="WorkflowGraph"/> as JSON (<see cref="WorkflowJson"/>), valid when published.</summary>
    public required string Graph { get; set; }
    public DateTime PublishedAt { get; set; }
    /// <summary>The member who published; null for an API key or the system.</summary>
    public Guid? PublishedBy { get; set; }
    public string? PublishedByName { get; set; }
}
