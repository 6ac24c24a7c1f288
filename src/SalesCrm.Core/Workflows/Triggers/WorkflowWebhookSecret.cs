using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Triggers;

/// <summary>
/// The secret a caller of a workflow's webhook (<c>POST /api/hooks/workflows/{id}</c>) sends in <c>X-Workflow-Secret</c>:
/// made on the first publish of a workflow with a webhook trigger, readable and rotatable by <c>workflows.manage</c>,
/// stored encrypted with Data Protection like the workspace's other secrets.
/// </summary>
public sealed class WorkflowWebhookSecret : ITenantOwned
{
    /// <summary>The workflow's id: one secret per workflow.</summary>
    public Guid WorkflowId { get; set; }
    public Guid TenantId { get; set; }
    public required string SecretProtected { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
