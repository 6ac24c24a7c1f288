using SalesCrm.Core.Data;
using SalesCrm.Core.Events;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>The <c>workflow.started|completed|failed</c> events, recorded with the run's row change (outbox).</summary>
public static class WorkflowRunEvents
{
    public const string Started = "workflow.started";
    public const string Completed = "workflow.completed";
    public const string Failed = "workflow.failed";

    public static void Record(CrmDbContext db, string type, WorkflowRun run, DateTime now) =>
        db.Record(type, run.TenantId, run.LeadId, new
        {
            run_id = run.Id, workflow_id = run.WorkflowId, version = run.Version, lead_id = run.LeadId, status = run.Status,
            sub_status = run.SubStatus, error = run.Error, incident_count = run.IncidentCount,
        }, now);
}
