namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>One step row as the engine stores it (<see cref="Runs.WorkflowRunStep"/>): the run, the node, its type and its output JSON.</summary>
public sealed record BotFunnelRow(Guid RunId, string NodeId, string Type, string? Output);
