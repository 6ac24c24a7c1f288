namespace SalesCrm.Core.Workflows.Runs;

/// <summary>The answer to a manual start: the queue item (the worker turns it into a run shortly).</summary>
public sealed record WorkflowStartedDto(Guid QueueItemId, Guid WorkflowId, Guid? LeadId, string Status);
