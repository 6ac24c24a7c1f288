using SalesCrm.Core.Common;

namespace SalesCrm.Core.Activities;

/// <summary>A rep's to-do on a lead (Pipedrive-style). Completing one logs an interaction.</summary>
public sealed class Activity : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public ActivityType Type { get; set; } = ActivityType.Task;
    public required string Title { get; set; }
    public DateTime DueAt { get; set; }
    public Guid? AssigneeId { get; set; }
    public string? Notes { get; set; }
    public bool Done { get; set; }
    public DateTime? DoneAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The workflow step that created this activity (its idempotency key): a resumed step finds it instead of creating it twice.</summary>
    public string? WorkflowStepKey { get; set; }
}

public enum ActivityType { Call, Meeting, Task, FollowUp }
