namespace SalesCrm.Core.Workflows.Runs;

/// <summary>The states of a <see cref="WorkflowRun"/> (ADR 051).</summary>
public static class WorkflowRunStatuses
{
    public const string Running = "running";
    public const string Waiting = "waiting";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Running, Waiting, Completed, Failed, Cancelled];
}
