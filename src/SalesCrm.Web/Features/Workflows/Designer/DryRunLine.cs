using SalesCrm.Core.Workflows.DryRuns;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// One line of the dry-run panel's actions list: an action (<see cref="Action"/>) or, under a <c>call_workflow</c>
/// action the engine would not run, why (<see cref="Message"/>); <see cref="Depth"/> is 0 for this workflow's own
/// actions and n for those of a workflow called n levels down.
/// </summary>
public sealed record DryRunLine(int Depth, DryRunActionDto? Action, string? Message = null)
{
    /// <summary>The actions of <paramref name="path"/> in order, each <c>call_workflow</c> action followed by the called workflow's lines one level deeper.</summary>
    public static IReadOnlyList<DryRunLine> From(IReadOnlyList<DryRunStepDto> path, IReadOnlyList<DryRunActionDto> actions, int depth = 0)
    {
        // Actions are the path's steps that do something, in the same order: pair them by walking both.
        var lines = new List<DryRunLine>();
        var next = 0;
        foreach (var step in path)
        {
            if (next >= actions.Count || actions[next].NodeId != step.NodeId) continue;
            lines.Add(new DryRunLine(depth, actions[next++]));
            if (step.Call is not { } call) continue;
            if (call.Message is { } message) lines.Add(new DryRunLine(depth + 1, null, message));
            lines.AddRange(From(call.Path, call.Actions, depth + 1));
        }
        return lines;
    }
}
