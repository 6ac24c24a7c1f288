namespace SalesCrm.Web.Features.Workflows;

/// <summary>The answer of a workflow webhook call: the run was queued as <paramref name="QueueItemId"/>.</summary>
public sealed record WorkflowHookAccepted(string Status, Guid QueueItemId);
