using SalesCrm.Core.Data;

namespace SalesCrm.Core.Workflows.Triggers;

/// <summary>
/// Told by <see cref="WorkflowService"/> after a workflow was published, switched on or off, or deleted — after the
/// change committed — so what lives outside the definition (the webhook secret, the Quartz schedule) follows it.
/// </summary>
public interface IWorkflowActivationListener
{
    /// <param name="db">The context the change was saved with (the listener may save more with it).</param>
    /// <param name="workflow">The workflow as saved; <see cref="Workflow.Version"/> names its published version.</param>
    /// <param name="deleted">True when the workflow was deleted.</param>
    Task ChangedAsync(CrmDbContext db, Workflow workflow, bool deleted, CancellationToken ct);
}
