namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// The result of a dry run: the version walked (null for the draft), the nodes in the order they would run with the
/// port each would take, the actions they would perform (described, not executed), where the walk stopped early (the
/// step limit) and warnings (unknown variables, a paused workflow, a trigger filter that does not hold…).
/// </summary>
public sealed record WorkflowDryRunDto(int? Version, IReadOnlyList<DryRunStepDto> Path, IReadOnlyList<DryRunActionDto> Actions, string? StoppedAt,
    IReadOnlyList<string> Warnings);
