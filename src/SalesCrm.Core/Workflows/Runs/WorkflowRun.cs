using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>One execution of a published <see cref="WorkflowVersion"/> (ADR 051).</summary>
public sealed class WorkflowRun : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid WorkflowId { get; set; }
    public int Version { get; set; }
    public Guid? LeadId { get; set; }
    /// <summary>One of <see cref="WorkflowRunStatuses"/>.</summary>
    public string Status { get; set; } = WorkflowRunStatuses.Running;
    public string? SubStatus { get; set; }
    /// <summary>Carried from the event that started the run; the loop guard counts <see cref="Depth"/> along it.</summary>
    public Guid CorrelationId { get; set; }
    public int Depth { get; set; }
    public string? CurrentNode { get; set; }
    public string? Input { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int IncidentCount { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
