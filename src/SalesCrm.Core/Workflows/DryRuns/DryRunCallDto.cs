namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// What a <c>call_workflow</c> step would start, on its <see cref="DryRunStepDto.Call"/>: the called workflow (id, name,
/// the published version walked), how the engine would treat the call (<see cref="Outcome"/>, one of the constants
/// below, with <see cref="Message"/> in the reader's language when it is not <see cref="Walked"/>), and — when walked —
/// the called run's own path and actions (nested calls carry theirs in turn) and where its walk stopped early.
/// <see cref="Path"/> and <see cref="Actions"/> are empty unless <see cref="Outcome"/> is <see cref="Walked"/>.
/// </summary>
public sealed record DryRunCallDto(Guid? WorkflowId, string? Name, int? Version, string Outcome, string? Message, IReadOnlyList<DryRunStepDto> Path,
    IReadOnlyList<DryRunActionDto> Actions, string? StoppedAt)
{
    /// <summary>The called workflow's published version was walked; the calling run goes on without waiting for it.</summary>
    public const string Walked = "walked";

    /// <summary>No such workflow in the workspace (deleted, or an id that is not one): the call step would fail and the calling run stop there.</summary>
    public const string NotFound = "not_found";

    /// <summary>The workflow is switched off or was never published: the call step would fail and the calling run stop there.</summary>
    public const string NotActive = "not_active";

    /// <summary>
    /// The engine's loop guard (<see cref="Runs.WorkflowEngineOptions.MaxDepth"/>): the called run would be deeper than the
    /// limit on a chain that already ran this workflow for the lead, so it would fail as it starts; the calling run goes on.
    /// </summary>
    public const string LoopGuard = "loop_guard";

    /// <summary>True when the engine would fail the calling step (and so end the calling run) at this call.</summary>
    public bool FailsCaller => Outcome is NotFound or NotActive;
}
