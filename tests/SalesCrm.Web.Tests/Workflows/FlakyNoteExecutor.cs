using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>
/// Stands in for <c>add_note</c> (registered last, so the engine picks it): text <c>throw-once</c> throws on the first
/// attempt, <c>fail-always</c> fails with a retryable error every time; anything else succeeds.
/// </summary>
public sealed class FlakyNoteExecutor : IWorkflowNodeExecutor
{
    public string NodeType => "add_note";

    public Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        var text = context.Settings.GetProperty("text").GetString();
        if (text == "throw-once" && context.Attempt == 1) throw new HttpRequestException("provider timed out");
        if (text == "fail-always") return Task.FromResult(WorkflowNodeOutcome.Fail($"provider said 503 (attempt {context.Attempt})", retryable: true));
        return Task.FromResult(WorkflowNodeOutcome.Next(output: new JsonObject { ["attempt"] = context.Attempt }));
    }
}
