using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// The <c>{{variables}}</c> a node's texts may use: the lead's fields (its API shape, the one the engine's scope holds),
/// the triggering event's payload, the run's input, and the outputs of the nodes that can run before it (its ancestors in
/// the graph), by the keys each node type writes.
/// </summary>
public static class WorkflowVariables
{
    /// <summary>The lead's fields as <c>WorkflowScope.WithLead</c> exposes them (the API's snake_case names); custom fields under <c>custom</c>.</summary>
    public static readonly IReadOnlyList<string> Lead =
    [
        "lead.name", "lead.email", "lead.phone", "lead.company", "lead.value", "lead.currency", "lead.owner_name", "lead.priority", "lead.source",
        "lead.status", "lead.score", "lead.tags", "lead.expected_close_date", "lead.days_in_stage", "lead.last_interaction_at", "lead.created_at",
        "lead.utm_source", "lead.utm_medium", "lead.utm_campaign", "lead.id", "lead.custom.<campo>",
    ];

    /// <summary>What a node type puts in its output that a later text would read; other types offer their whole output.</summary>
    private static readonly Dictionary<string, string[]> Outputs = new(StringComparer.Ordinal)
    {
        [WorkflowNodeCatalog.AskWhatsApp] = ["answer", "value"],
        ["http_request"] = ["status", "body"],
        ["ai_reply"] = ["answer"],
        ["wait_for_event"] = ["payload"],
    };

    public static IReadOnlyList<string> For(WorkflowGraph graph, string nodeId)
    {
        var before = new HashSet<string>(StringComparer.Ordinal);
        var into = (graph.Edges ?? []).Where(e => e.Source is not null && e.Target is not null).ToLookup(e => e.Target!, e => e.Source!, StringComparer.Ordinal);
        var queue = new Queue<string>([nodeId]);
        while (queue.TryDequeue(out var id))
            foreach (var source in into[id])
                if (source != nodeId && before.Add(source)) queue.Enqueue(source);
        var nodes = (graph.Nodes ?? []).Where(n => n.Id is not null && before.Contains(n.Id) && n.Type != WorkflowNodeCatalog.Trigger)
            .SelectMany(n => Outputs.TryGetValue(n.Type ?? "", out var keys) ? keys.Select(k => $"nodes.{n.Id}.output.{k}") : [$"nodes.{n.Id}.output"]);
        return [.. Lead.Concat(["event.payload.<campo>", "run.input.<campo>"]).Concat(nodes).Select(v => "{{" + v + "}}")];
    }
}
