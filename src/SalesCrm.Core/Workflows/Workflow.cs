using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows;

/// <summary>
/// An automation: its draft graph, edited freely (the designer autosaves), and the number of its published version,
/// the one new runs use. Not audited row by row: autosaves would flood the log; published versions are the record.
/// </summary>
public sealed class Workflow : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>True when triggers start runs of the published <see cref="Version"/>; never true before a first publish.</summary>
    public bool IsActive { get; set; }
    /// <summary>The draft <see cref="WorkflowGraph"/> as JSON (<see cref="WorkflowJson"/>).</summary>
    public required string Graph { get; set; }
    /// <summary>The latest published version; 0 before the first publish.</summary>
    public int Version { get; set; }
    /// <summary>
    /// The draft's revision: 1 when created, one more on every saved change (a concurrency token). A save that names the
    /// revision it started from is refused when another tab or person saved in between (<see cref="WorkflowInput.ExpectedRevision"/>).
    /// </summary>
    public int Revision { get; set; } = 1;
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
