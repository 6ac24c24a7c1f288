using SalesCrm.Core.Data;

namespace SalesCrm.Core.Workflows.Triggers;

/// <summary>Gives a workflow its webhook secret when it is published with a <c>webhook</c> trigger.</summary>
public sealed class WebhookSecretOnPublish(WorkflowWebhookService webhooks) : IWorkflowActivationListener
{
    public Task ChangedAsync(CrmDbContext db, Workflow workflow, bool deleted, CancellationToken ct) =>
        deleted || !workflow.IsActive ? Task.CompletedTask : webhooks.EnsureSecretAsync(db, workflow, ct);
}
