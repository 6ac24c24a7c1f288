namespace SalesCrm.Core.Workflows.Runs;

/// <summary>What a claimed run or queue item says about who acts for it: its workspace, correlation id and workflow.</summary>
public sealed class WorkflowClaimHead
{
    public Guid TenantId { get; init; }
    public Guid CorrelationId { get; init; }
    public Guid WorkflowId { get; init; }
}
