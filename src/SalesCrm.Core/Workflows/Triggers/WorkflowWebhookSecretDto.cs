namespace SalesCrm.Core.Workflows.Triggers;

/// <summary>A workflow's webhook address and the secret to send in <c>X-Workflow-Secret</c>.</summary>
public sealed record WorkflowWebhookSecretDto(Guid WorkflowId, string Url, string Header, string Secret, DateTime UpdatedAt);
