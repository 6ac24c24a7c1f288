using System.Text.Json;

namespace SalesCrm.Core.Workflows.Triggers;

/// <summary>The trigger nodes of a stored graph, by kind (<see cref="TriggerKinds"/>).</summary>
public static class WorkflowTriggerNodes
{
    /// <summary>The settings of every <c>trigger</c> node of <paramref name="kind"/> in the graph's JSON.</summary>
    public static IReadOnlyList<JsonElement> Of(string graphJson, string kind) => Of(WorkflowJson.Deserialize(graphJson), kind);

    public static IReadOnlyList<JsonElement> Of(WorkflowGraph graph, string kind) =>
        (graph.Nodes ?? []).Where(n => n.Type == WorkflowNodeCatalog.Trigger && n.Settings is { ValueKind: JsonValueKind.Object } s
                && s.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() == kind)
            .Select(n => n.Settings!.Value).ToList();
}
