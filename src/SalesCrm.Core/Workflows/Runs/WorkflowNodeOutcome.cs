using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// The result of one node execution: continue through an output port, wait, end the run, or fail the step. The engine
/// records <see cref="Output"/> as <c>nodes.&lt;id&gt;.output</c> in the run's scope and on the step row.
/// </summary>
public sealed record WorkflowNodeOutcome
{
    private WorkflowNodeOutcome() { }

    /// <summary>The output port to follow (<c>next</c>, <c>true</c>/<c>false</c>, a switch case, <c>timeout</c>…) when the run continues.</summary>
    public string? Port { get; private init; }

    /// <summary>What the step produced (shown on the run page, readable as <c>{{nodes.&lt;id&gt;.output.x}}</c>).</summary>
    public JsonNode? Output { get; private init; }

    /// <summary>Set when the run waits at this node; it resumes at the same node (see <see cref="WorkflowResume"/>).</summary>
    public WorkflowWait? Wait { get; private init; }

    /// <summary>True when the run ends here successfully (an <c>end</c> node, or a hand-off that stops a bot).</summary>
    public bool Ends { get; private init; }

    /// <summary>The failure message when the step failed (in the workspace's language when it is meant for people).</summary>
    public string? Error { get; private init; }

    /// <summary>True when a failed step may succeed if tried again (network, provider 5xx); the engine retries it with backoff before failing the run.</summary>
    public bool Retryable { get; private init; }

    /// <summary>Continue through <paramref name="port"/>.</summary>
    public static WorkflowNodeOutcome Next(string port = "next", JsonNode? output = null) => new() { Port = port, Output = output };

    /// <summary>Wait (a delay, an event bookmark, or both) and resume at this node.</summary>
    public static WorkflowNodeOutcome Waiting(WorkflowWait wait, JsonNode? output = null) => new() { Wait = wait, Output = output };

    /// <summary>End the run as completed.</summary>
    public static WorkflowNodeOutcome End(JsonNode? output = null) => new() { Ends = true, Output = output };

    /// <summary>Fail the step; <paramref name="retryable"/> asks the engine to try again with backoff first.</summary>
    public static WorkflowNodeOutcome Fail(string error, bool retryable = false, JsonNode? output = null) => new() { Error = error, Retryable = retryable, Output = output };
}
