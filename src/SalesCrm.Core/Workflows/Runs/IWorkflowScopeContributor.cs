using System.Text.Json.Nodes;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>
/// Adds values under <c>workspace.*</c> of a run's scope (the template language's roots are fixed): the scope builder
/// asks every registered contributor before each step. Keep it cheap or skip runs that do not need it.
/// </summary>
public interface IWorkflowScopeContributor
{
    Task ContributeAsync(CrmDbContext db, WorkflowRun run, JsonObject workspace, CancellationToken ct);
}
