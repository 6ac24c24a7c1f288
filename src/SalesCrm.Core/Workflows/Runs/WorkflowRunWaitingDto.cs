namespace SalesCrm.Core.Workflows.Runs;

/// <summary>What a waiting run waits for.</summary>
public sealed record WorkflowRunWaitingDto(DateTime? Until, string? EventType, string? Description);
