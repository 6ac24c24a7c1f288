namespace SalesCrm.Core.Workflows.Runs;

/// <summary>The states of a <see cref="WorkflowRunStep"/>.</summary>
public static class WorkflowStepStatuses
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Waiting = "waiting";
    /// <summary>Failed with a retryable error; tried again at the run's <see cref="WorkflowRun.NextAttemptAt"/>.</summary>
    public const string Retrying = "retrying";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
