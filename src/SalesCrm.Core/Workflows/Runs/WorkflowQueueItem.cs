using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>A request for a run: a matched committed event or a manual start (ADR 051).</summary>
public sealed class WorkflowQueueItem : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid WorkflowId { get; set; }
    public Guid? LeadId { get; set; }
    /// <summary>The outbox event that matched the trigger; null for a manual start.</summary>
    public Guid? EventId { get; set; }
    public string? EventType { get; set; }
    public Guid CorrelationId { get; set; }
    public int Depth { get; set; }
    public string? Input { get; set; }
    /// <summary>What asked for the run (<see cref="TriggerKinds"/>).</summary>
    public string? TriggerKind { get; set; }
    /// <summary>One of <see cref="WorkflowQueueStatuses"/>.</summary>
    public string Status { get; set; } = WorkflowQueueStatuses.Pending;
    public Guid? RunId { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
