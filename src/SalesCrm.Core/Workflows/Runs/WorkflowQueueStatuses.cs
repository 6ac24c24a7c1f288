namespace SalesCrm.Core.Workflows.Runs;

/// <summary>The states of a <see cref="WorkflowQueueItem"/> (ADR 051).</summary>
public static class WorkflowQueueStatuses
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Processing, Completed, Failed];
}
