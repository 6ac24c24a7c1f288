using System.Text.Json.Nodes;
using SalesCrm.Core.Activities;
using SalesCrm.Core.Data;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary><c>create_activity</c>: a task, call, meeting or follow-up on the lead, due after <c>due_in</c>, for the lead's owner or <c>user_id</c>, through <see cref="ActivityService"/>
/// (keyed by the step's idempotency key: a step resumed after a crash does not create it twice).</summary>
public sealed class CreateActivityNodeExecutor(ActivityService activities, TimeProvider time) : IWorkflowNodeExecutor
{
    public string NodeType => "create_activity";

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.LeadId is not { } leadId) return WorkflowNodeOutcome.Fail("create_activity needs a lead; this run has none.");
        var title = NodeSettings.Text(context, "title");
        if (title is null) return WorkflowNodeOutcome.Fail("title is required.");
        ActivityType? type = NodeSettings.Text(context, "activity_type") is { } t && SnakeEnum.TryParse<ActivityType>(t, out var parsed) ? parsed : null;
        TimeSpan dueIn;
        try { dueIn = NodeSettings.Duration(context, "due_in") ?? TimeSpan.Zero; }
        catch (FormatException e) { return WorkflowNodeOutcome.Fail($"due_in: {e.Message}"); }
        var assignee = NodeSettings.Text(context, "assignee") == "user" ? NodeSettings.Id(context, "user_id") : null;
        var activity = await activities.CreateAsync(new ActivityInput(leadId, type, title.Length > 200 ? title[..200] : title, time.GetUtcNow().UtcDateTime + dueIn, assignee), context.IdempotencyKey, ct);
        return WorkflowNodeOutcome.Next(output: new JsonObject { ["activity_id"] = activity.Id.ToString(), ["title"] = activity.Title, ["due_at"] = activity.DueAt });
    }
}
