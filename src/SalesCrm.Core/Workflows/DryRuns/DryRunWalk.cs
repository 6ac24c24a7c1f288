using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// One dry run's walk over a valid graph: from the start node, node by node along the chosen ports, rendering each
/// node's settings against the scope (as the executors would) and recording outputs so later <c>{{nodes.x.output}}</c> read them.
/// A <c>call_workflow</c> node walks the called workflow through the <see cref="DryRunChain"/> and keeps its walk on the step.
/// </summary>
internal sealed class DryRunWalk(DryRunChain chain, WorkflowGraph graph, WorkflowRun run, WorkflowScope scope, string label)
{
    private const string CallWorkflow = "call_workflow";

    public List<DryRunStepDto> Path { get; } = [];
    public List<DryRunActionDto> Actions { get; } = [];
    public string? StoppedAt { get; private set; }

    /// <summary>Walks from the node <paramref name="start"/> (null: the first trigger) until the path ends or the chain's step budget is spent.</summary>
    public async Task RunAsync(string? start, CancellationToken ct)
    {
        var phrases = chain.Phrases;
        var nodes = (graph.Nodes ?? []).Where(n => n.Id is not null).GroupBy(n => n.Id!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var edges = (graph.Edges ?? []).Where(e => e.Source is not null && e.Target is not null)
            .GroupBy(e => (e.Source!, e.SourcePort ?? WorkflowNodeCatalog.Next)).ToDictionary(g => g.Key, g => g.First().Target!);
        var current = start is null ? (graph.Nodes ?? []).FirstOrDefault(n => n.Type == WorkflowNodeCatalog.Trigger) : nodes.GetValueOrDefault(start);
        while (current is not null)
        {
            if (!chain.TakeStep())
            {
                StoppedAt = current.Id;
                return;
            }
            var settings = current.Settings is { ValueKind: JsonValueKind.Object } s ? s : EmptySettings;
            var nodeWarnings = new List<string>();
            var rendered = TemplateRenderer.RenderValue(JsonNode.Parse(settings.GetRawText()), scope, nodeWarnings) as JsonObject ?? [];
            chain.Warnings.AddRange(nodeWarnings.Select(w => phrases.Format("NodeWarning", label + current.Id, w)));
            var context = new WorkflowNodeContext(run.TenantId, run.Id, run.WorkflowId, run.Version, run.LeadId, current, settings, scope,
                $"{run.Id}:{current.Id}", 1, run.CorrelationId, run.Depth, null);
            var result = await chain.Describer.DescribeAsync(context, rendered, ct);
            await chain.CheckWhatsAppWindowAsync(run, current, rendered, result.Port, label, scope.Time.GetUtcNow().UtcDateTime, ct);
            if (result.Output is not null) scope.WithNodeOutput(current.Id!, result.Output);
            var call = current.Type == CallWorkflow ? await chain.CallAsync(run, rendered, $"{label}{current.Id} › ", ct) : null;
            // A call the engine would refuse fails the step: nothing would be started, so it is no action (the step says why).
            if (result.Summary is not null && call is not { FailsCaller: true }) Actions.Add(new DryRunActionDto(current.Id!, current.Type!, result.Summary, rendered));
            var port = call is { FailsCaller: true } ? null : result.Port;
            var next = port is not null && edges.TryGetValue((current.Id!, port), out var target) ? target : null;
            var end = call is { FailsCaller: true } ? call.Message : port is { } unlinked && next is null ? phrases.Format("NoLink", unlinked) : null;
            var note = result.Note is null ? end : end is null ? result.Note : $"{result.Note}; {end}";
            Path.Add(new DryRunStepDto(current.Id!, current.Type!, port, note, call));
            current = next is null ? null : nodes.GetValueOrDefault(next);
        }
    }

    private static readonly JsonElement EmptySettings = JsonDocument.Parse("{}").RootElement;
}
