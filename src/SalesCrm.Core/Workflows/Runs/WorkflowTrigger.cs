namespace SalesCrm.Core.Workflows.Runs;

/// <summary>An event trigger of an active workflow's published version: the event type it listens to and its optional filter.</summary>
public sealed record WorkflowTrigger(Guid WorkflowId, int Version, string NodeId, string EventType, string? Filter);
