using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// The <c>{{variables}}</c> a node's texts may use: the lead's fields, the triggering event's payload, the run's input,
/// and the outputs of the nodes that can run before it (its ancestors in the graph).
/// </summary>
public static class WorkflowVariables
{
    private static readonly string[] Lead = ["lead.name", "lead.first_name", "lead.email", "lead.phone", "lead.company", "lead.value", "lead.stage", "lead.owner", "lead.custom.<campo>"];

    public static IReadOnlyList<string> For(WorkflowGraph graph, string nodeId)
    {
        var before = new HashSet<string>(StringComparer.Ordinal);
        var into = (graph.Edges ?? []).Where(e => e.Source is not null && e.Target is not null).ToLookup(e => e.Target!, e => e.Source!, StringComparer.Ordinal);
        var queue = new Queue<string>([nodeId]);
        while (queue.TryDequeue(out var id))
            foreach (var source in into[id])
                if (source != nodeId && before.Add(source)) queue.Enqueue(source);
        var nodes = (graph.Nodes ?? []).Where(n => n.Id is not null && before.Contains(n.Id) && n.Type != WorkflowNodeCatalog.Trigger).Select(n => $"nodes.{n.Id}.output.<campo>");
        return [.. Lead.Concat(["event.payload.<campo>", "run.input.<campo>"]).Concat(nodes).Select(v => "{{" + v + "}}")];
    }
}
