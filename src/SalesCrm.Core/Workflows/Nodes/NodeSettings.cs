using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>Reads a node's settings (already valid against its schema) without repeating JsonElement checks in every executor.</summary>
internal static class NodeSettings
{
    public static string? String(JsonElement settings, string name) =>
        settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static int? Int(JsonElement settings, string name) =>
        settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    public static JsonNode? Node(JsonElement settings, string name) =>
        settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? JsonNode.Parse(v.GetRawText())
            : null;
}
