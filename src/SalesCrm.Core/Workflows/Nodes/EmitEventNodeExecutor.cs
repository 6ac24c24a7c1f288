using System.Text.Json.Nodes;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// <c>emit_event</c>: a custom event (<c>custom.*</c>) with a rendered payload, written to the outbox with the step (so it
/// is emitted exactly once) and carrying the run's correlation id.
/// </summary>
public sealed class EmitEventNodeExecutor(CrmDbContext db, TimeProvider time) : IWorkflowNodeExecutor
{
    public string NodeType => "emit_event";

    public Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        var type = NodeSettings.Text(context, "event_type");
        if (type is null || !type.StartsWith("custom.", StringComparison.Ordinal)) return Task.FromResult(WorkflowNodeOutcome.Fail("event_type must be custom.<name>."));
        var payload = NodeSettings.Rendered(context, "payload") as JsonObject ?? new JsonObject();
        if (context.LeadId is { } leadId && !payload.ContainsKey("lead_id")) payload["lead_id"] = leadId.ToString();
        var e = db.Record(type, context.TenantId, context.LeadId, payload, time.GetUtcNow().UtcDateTime);
        return Task.FromResult(WorkflowNodeOutcome.Next(output: new JsonObject { ["event_id"] = e.Id.ToString(), ["type"] = type }));
    }
}
