using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// One dry run's walk over a valid graph: from the first trigger, node by node along the chosen ports, rendering each
/// node's settings against the scope (as the executors would) and recording outputs so later <c>{{nodes.x.output}}</c> read them.
/// </summary>
internal sealed class DryRunWalk(WorkflowGraph graph, WorkflowRun run, WorkflowScope scope, DryRunDescriber describer, List<string> warnings, IDryRunPhrases phrases)
{
    public List<DryRunStepDto> Path { get; } = [];
    public List<DryRunActionDto> Actions { get; } = [];
    public string? StoppedAt { get; private set; }

    public async Task RunAsync(int maxSteps, CancellationToken ct)
    {
        var nodes = (graph.Nodes ?? []).Where(n => n.Id is not null).GroupBy(n => n.Id!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var edges = (graph.Edges ?? []).Where(e => e.Source is not null && e.Target is not null)
            .GroupBy(e => (e.Source!, e.SourcePort ?? WorkflowNodeCatalog.Next)).ToDictionary(g => g.Key, g => g.First().Target!);
        var current = (graph.Nodes ?? []).FirstOrDefault(n => n.Type == WorkflowNodeCatalog.Trigger);
        var steps = 0;
        while (current is not null)
        {
            if (++steps > maxSteps)
            {
                StoppedAt = current.Id;
                warnings.Add(phrases.Format("StepLimit", maxSteps));
                return;
            }
            var settings = current.Settings is { ValueKind: JsonValueKind.Object } s ? s : EmptySettings;
            var nodeWarnings = new List<string>();
            var rendered = TemplateRenderer.RenderValue(JsonNode.Parse(settings.GetRawText()), scope, nodeWarnings) as JsonObject ?? [];
            warnings.AddRange(nodeWarnings.Select(w => phrases.Format("NodeWarning", current.Id, w)));
            var context = new WorkflowNodeContext(run.TenantId, run.Id, run.WorkflowId, run.Version, run.LeadId, current, settings, scope,
                $"{run.Id}:{current.Id}", 1, run.CorrelationId, 0, null);
            var result = await describer.DescribeAsync(context, rendered, ct);
            if (result.Output is not null) scope.WithNodeOutput(current.Id!, result.Output);
            if (result.Summary is not null) Actions.Add(new DryRunActionDto(current.Id!, current.Type!, result.Summary, rendered));
            var next = result.Port is { } port && edges.TryGetValue((current.Id!, port), out var target) ? target : null;
            var end = result.Port is { } unlinked && next is null ? phrases.Format("NoLink", unlinked) : null;
            var note = result.Note is null ? end : end is null ? result.Note : $"{result.Note}; {end}";
            Path.Add(new DryRunStepDto(current.Id!, current.Type!, result.Port, note));
            current = next is null ? null : nodes.GetValueOrDefault(next);
        }
    }

    private static readonly JsonElement EmptySettings = JsonDocument.Parse("{}").RootElement;
}
