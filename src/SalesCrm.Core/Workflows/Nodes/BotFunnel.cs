using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// The "funil por etapa" of a WhatsApp bot: per <c>ask_whatsapp</c> node of the graph (in graph order), how many runs
/// reached, answered and dropped it, read from the step rows' <c>outcome</c> output (<see cref="AskWhatsAppNode"/>). A run
/// may leave several rows for one node (a row per execution, or one row updated on each resume): its result there is the
/// furthest outcome (answered, then invalid, timeout, handoff, stopped, else waiting). Pure: the endpoint loads the rows.
/// </summary>
public static class BotFunnel
{
    private static readonly string[] Precedence = ["answered", "invalid", "timeout", "handoff", "stopped", "waiting"];

    public static IReadOnlyList<BotFunnelStep> Compute(WorkflowGraph graph, IEnumerable<BotFunnelRow> rows)
    {
        var asks = (graph.Nodes ?? []).Where(n => n.Type == WorkflowNodeCatalog.AskWhatsApp && n.Id is not null).ToList();
        var byNode = rows.Where(r => r.Type == WorkflowNodeCatalog.AskWhatsApp).GroupBy(r => r.NodeId).ToDictionary(g => g.Key, g => g.ToList());
        return asks.Select(node =>
        {
            var results = (byNode.GetValueOrDefault(node.Id!) ?? []).GroupBy(r => r.RunId).Select(run => Furthest(run.Select(r => OutcomeOf(r.Output)))).ToList();
            var outcomes = results.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
            var reached = results.Count;
            var answered = outcomes.GetValueOrDefault("answered");
            var settings = node.Settings ?? default;
            return new BotFunnelStep(node.Id!, BotSettings.String(settings, "label"), BotSettings.String(settings, "question") ?? "", reached, answered,
                reached - answered, outcomes.GetValueOrDefault("waiting"), reached == 0 ? 0 : Math.Round((double)(reached - answered) / reached, 4), outcomes);
        }).ToList();
    }

    private static string Furthest(IEnumerable<string> outcomes)
    {
        var seen = outcomes.ToHashSet();
        return Precedence.FirstOrDefault(seen.Contains) ?? "waiting";
    }

    private static string OutcomeOf(string? output)
    {
        if (string.IsNullOrWhiteSpace(output)) return "waiting";
        try
        {
            return JsonNode.Parse(output)?["outcome"] is JsonValue v && v.TryGetValue<string>(out var outcome) && Array.IndexOf(Precedence, outcome) >= 0 ? outcome : "waiting";
        }
        catch (JsonException) { return "waiting"; }
    }
}
