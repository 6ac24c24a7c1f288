using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Web.Features.Workflows.Runs;

/// <summary>
/// The path a run took through its graph, from its steps: each node's steps (a node may run several times: loops, retries,
/// resumes), the node's state as its last step's, and the edges taken (a step that left by a port took the edge from that
/// port to the next step's node).
/// </summary>
public sealed class RunPath
{
    private readonly Dictionary<string, List<WorkflowRunStepDto>> _byNode = new(StringComparer.Ordinal);
    private readonly HashSet<(string Source, string Port, string Target)> _taken = [];

    public RunPath(IReadOnlyList<WorkflowRunStepDto>? steps)
    {
        var ordered = steps ?? [];
        for (var i = 0; i < ordered.Count; i++)
        {
            var step = ordered[i];
            if (!_byNode.TryGetValue(step.NodeId, out var list)) _byNode[step.NodeId] = list = [];
            list.Add(step);
            if (step.Port is { } port && i + 1 < ordered.Count && ordered[i + 1].NodeId != step.NodeId)
                _taken.Add((step.NodeId, port, ordered[i + 1].NodeId));
        }
    }

    public static readonly RunPath Empty = new(null);

    /// <summary>The steps of <paramref name="nodeId"/> in the order they ran; empty when the run never reached it.</summary>
    public IReadOnlyList<WorkflowRunStepDto> StepsOf(string nodeId) => _byNode.GetValueOrDefault(nodeId) ?? [];

    /// <summary>The node's state (its last step's), or null when the run never reached it.</summary>
    public string? StatusOf(string nodeId) => _byNode.GetValueOrDefault(nodeId)?[^1].Status;

    /// <summary>The time spent in the node over all its steps.</summary>
    public long DurationMsOf(string nodeId) => _byNode.GetValueOrDefault(nodeId)?.Sum(s => s.DurationMs) ?? 0;

    public bool Took(string source, string port, string target) => _taken.Contains((source, port, target));
}
