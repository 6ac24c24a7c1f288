using System.Globalization;
using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// <c>wait_for_event</c>: a bookmark on an event type (about the run's lead unless <c>same_lead</c> is false) with a
/// <c>timeout</c>; resumes on <c>received</c> (output: the event) or <c>timeout</c>.
/// </summary>
public sealed class WaitForEventNodeExecutor(TimeProvider time) : IWorkflowNodeExecutor
{
    public string NodeType => WorkflowNodeCatalog.WaitForEvent;

    public Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.Resume is { } resume)
        {
            return Task.FromResult(resume.EventType is null
                ? WorkflowNodeOutcome.Next("timeout", new JsonObject { ["timed_out"] = true })
                : WorkflowNodeOutcome.Next("received", new JsonObject { ["type"] = resume.EventType, ["event_id"] = resume.EventId?.ToString(), ["payload"] = resume.Payload?.DeepClone() }));
        }
        var type = NodeSettings.Text(context, "event_type");
        if (type is null) return Task.FromResult(WorkflowNodeOutcome.Fail("event_type is required."));
        TimeSpan? timeout;
        try { timeout = NodeSettings.Duration(context, "timeout"); }
        catch (FormatException e) { return Task.FromResult(WorkflowNodeOutcome.Fail($"timeout: {e.Message}")); }
        var until = timeout is { } t ? time.GetUtcNow().UtcDateTime + t : (DateTime?)null;
        var lead = NodeSettings.Flag(context, "same_lead") == false ? null : context.LeadId;
        var description = until is { } u
            ? $"{type} until {TimeZoneInfo.ConvertTimeFromUtc(u, context.Scope.TimeZone).ToString("g", context.Scope.Culture)}"
            : type;
        return Task.FromResult(WorkflowNodeOutcome.Waiting(new WorkflowWait(until, type, lead, description),
            new JsonObject { ["event_type"] = type, ["until"] = until?.ToString("O", CultureInfo.InvariantCulture) }));
    }
}
