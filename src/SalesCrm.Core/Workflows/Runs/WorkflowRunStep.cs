using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>One executed node of a <see cref="WorkflowRun"/> (ADR 051).</summary>
public sealed class WorkflowRunStep : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid RunId { get; set; }
    public required string NodeId { get; set; }
    public required string Type { get; set; }
    public string Status { get; set; } = WorkflowRunStatuses.Running;
    public DateTime StartedAt { get; set; }
    public long DurationMs { get; set; }
    public string? Input { get; set; }
    public string? Output { get; set; }
    public string? Error { get; set; }
    public int Attempt { get; set; } = 1;
    /// <summary>Run id + node id, independent of the attempt: a resumed step with a completed key is skipped.</summary>
    public required string IdempotencyKey { get; set; }
    /// <summary>The output port a completed step chose; a resumed run that finds the completed key follows it without executing again.</summary>
    public string? Port { get; set; }
}
