namespace SalesCrm.Core.Workflows.Runs;

/// <summary>A queue item as <c>GET /api/v1/workflow-queue</c> shows it.</summary>
public sealed record WorkflowQueueItemDto(Guid Id, Guid WorkflowId, Guid? LeadId, string Status, string? TriggerKind, string? EventType, Guid? EventId, Guid? RunId, string? Error,
    DateTime CreatedAt);
