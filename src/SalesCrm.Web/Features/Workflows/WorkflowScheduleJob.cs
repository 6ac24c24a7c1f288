using System.Text.Json.Nodes;
using Quartz;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// Fired by a workflow's <c>schedule</c> trigger (<see cref="WorkflowSchedules"/>): queues a run of the workflow's
/// published version with <c>run.input</c> <c>{ "node_id", "fired_at" }</c>. A workflow switched off in the meantime is
/// refused by the run starter and the fire is dropped.
/// </summary>
public sealed class WorkflowScheduleJob(IActorScopeFactory actors, ILogger<WorkflowScheduleJob> logger) : IJob
{
    public const string TenantKey = "tenant_id";
    public const string WorkflowKey = "workflow_id";
    public const string NodeKey = "node_id";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var data = context.MergedJobDataMap;
        if (!Guid.TryParse(data.GetString(TenantKey), out var tenantId) || !Guid.TryParse(data.GetString(WorkflowKey), out var workflowId)) return;
        var input = new JsonObject { ["node_id"] = data.GetString(NodeKey), ["fired_at"] = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime.ToString("O") };
        await using var scope = actors.Create(FixedCurrentUser.Internal(tenantId, ActorType.System, "Workflow schedule"));
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        try
        {
            await scope.ServiceProvider.GetRequiredService<IWorkflowRunStarter>()
                .EnqueueAsync(db, new WorkflowStartRequest(tenantId, workflowId, TriggerKinds.Schedule, Input: input, CorrelationId: Ids.New()), ct);
        }
        catch (DomainException e)
        {
            logger.LogInformation("Scheduled start of workflow {WorkflowId} skipped: {Reason}", workflowId, e.Message);
        }
    }
}
