using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// A switch node: the port of the first case whose value equals the field (the <c>eq</c> of <see cref="ConditionEvaluator"/>:
/// by type, <c>"1.500"</c> equals 1500; a null case value matches a missing or null field; a text value holding
/// <c>{{ }}</c> is rendered first), else <see cref="DefaultPort"/>.
/// </summary>
public static class SwitchEvaluator
{
    /// <summary>The port taken when no case matches.</summary>
    public const string DefaultPort = "default";

    /// <summary>The chosen port for <paramref name="field"/> (a scope path) in <paramref name="scope"/>; never throws for a malformed path (no case matches).</summary>
    public static string Choose(string field, IReadOnlyList<SwitchCase> cases, WorkflowScope scope)
    {
        if (ScopePath.TryParse(field) is null) return DefaultPort;
        foreach (var c in cases)
        {
            if (c.Value is JsonObject or JsonArray) continue;
            var condition = new WorkflowCondition(field, "eq", c.Value?.DeepClone());
            if (ConditionEvaluator.Evaluate(condition, scope)) return c.Port;
        }
        return DefaultPort;
    }

    /// <summary>Reads a switch node's <c>cases</c> setting (<c>[{ "port": "hot", "value": "quente" }]</c>); entries without a port are skipped.</summary>
    public static IReadOnlyList<SwitchCase> ReadCases(JsonNode? cases) =>
        cases is JsonArray array
            ? array.OfType<JsonObject>()
                .Where(c => c["port"] is JsonValue p && p.GetValueKind() == JsonValueKind.String)
                .Select(c => new SwitchCase(ScopeValues.StringOf((JsonValue)c["port"]!), c["value"]))
                .ToList()
            : [];
}
