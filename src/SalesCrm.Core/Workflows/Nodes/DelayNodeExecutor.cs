using System.Globalization;
using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary><c>delay</c>: waits for an ISO 8601 <c>duration</c> or <c>until</c> a time (durable: the wait is a row), then continues on <c>next</c>.</summary>
public sealed class DelayNodeExecutor(TimeProvider time) : IWorkflowNodeExecutor
{
    public string NodeType => WorkflowNodeCatalog.Delay;

    public Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.Resume is { } resume)
            return Task.FromResult(WorkflowNodeOutcome.Next(output: new JsonObject { ["waited"] = true, ["until"] = resume.State?["until"]?.DeepClone() }));
        var now = time.GetUtcNow().UtcDateTime;
        DateTime until;
        try
        {
            until = NodeSettings.Duration(context, "duration") is { } duration ? now + duration
                : NodeSettings.Instant(context, "until") ?? now;
        }
        catch (FormatException e)
        {
            return Task.FromResult(WorkflowNodeOutcome.Fail(e.Message));
        }
        if (until <= now) return Task.FromResult(WorkflowNodeOutcome.Next(output: new JsonObject { ["waited"] = false }));
        var local = TimeZoneInfo.ConvertTimeFromUtc(until, context.Scope.TimeZone).ToString("g", context.Scope.Culture);
        var at = until.ToString("O", CultureInfo.InvariantCulture);
        return Task.FromResult(WorkflowNodeOutcome.Waiting(new WorkflowWait(until, null, null, $"delay until {local}", new JsonObject { ["until"] = at }),
            new JsonObject { ["until"] = at }));
    }
}
