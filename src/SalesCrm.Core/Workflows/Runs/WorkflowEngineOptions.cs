namespace SalesCrm.Core.Workflows.Runs;

/// <summary><c>Workflows</c>: the engine's limits (ADR 051).</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>How deep a chain of runs caused by runs (along one correlation id) may go before a run of the same workflow for the same lead stops with an incident.</summary>
    public int MaxDepth { get; set; } = 5;

    /// <summary>Seconds before retry n of a step that failed with a retryable error; after the last one the run fails with an incident.</summary>
    public int[] RetryDelaysSeconds { get; set; } = [5, 30, 120];

    /// <summary>The most queue items and the most runs one worker round claims.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How many claimed runs one instance executes at the same time.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>The most steps one claim of a run executes before the run is released for the next round (a guard, not a limit a graph should reach).</summary>
    public int MaxStepsPerClaim { get; set; } = 200;
}
