using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using P = SalesCrm.Core.Workflows.WorkflowProblemCodes;

namespace SalesCrm.Core.Workflows;

/// <summary>
/// Evaluates a node's settings against its type's JSON Schema 2020-12 (JsonSchema.Net) and words each failure as a
/// problem on the node: a missing required setting is <c>missing_setting</c> naming it, any other failure
/// <c>invalid_setting</c> naming the setting's path (<c>cases[0].port</c>).
/// </summary>
internal static class SettingsSchemaCheck
{
    public static void Check(string nodeId, WorkflowNodeType type, JsonElement settings, List<WorkflowProblem> problems)
    {
        // A pass/fail evaluation first: valid settings (nearly all, on every save and read) skip building the error list.
        var schema = WorkflowNodeCatalog.SchemaOf(type.Type);
        var instance = JsonNode.Parse(settings.GetRawText());
        if (schema.Evaluate(instance, Flag).IsValid) return;
        var results = schema.Evaluate(instance, List);
        foreach (var detail in results.Details.Where(d => !d.IsValid && d.Errors is { Count: > 0 }))
        {
            var field = Field(detail.InstanceLocation.ToString());
            foreach (var (keyword, message) in detail.Errors!)
            {
                if (keyword == "required")
                {
                    var present = At(settings, detail.InstanceLocation.ToString()) is { ValueKind: JsonValueKind.Object } o ? o.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
                    var required = At(type.Schema, detail.EvaluationPath.ToString() + "/required") is { ValueKind: JsonValueKind.Array } r ? r.EnumerateArray().Select(x => x.GetString()!) : [];
                    foreach (var name in required.Where(n => !present.Contains(n)))
                        problems.Add(new WorkflowProblem(nodeId, P.MissingSetting, $"setting '{Join(field, name)}' is required."));
                    continue;
                }
                // An empty text where one is needed is missing, as an absent one is (the ERP template's URL left blank).
                if (keyword == "minLength" && field.Length > 0 && At(settings, detail.InstanceLocation.ToString()) is { ValueKind: JsonValueKind.String } text
                    && text.GetString()!.Trim().Length == 0)
                {
                    problems.Add(new WorkflowProblem(nodeId, P.MissingSetting, $"setting '{field}' is required."));
                    continue;
                }
                var subject = field.Length == 0 ? "settings" : $"setting '{field}'";
                problems.Add(new WorkflowProblem(nodeId, P.InvalidSetting, keyword switch
                {
                    "" => $"{subject} is not a setting of a '{type.Type}' node.",
                    "maxLength" when At(type.Schema, detail.EvaluationPath + "/maxLength") is { ValueKind: JsonValueKind.Number } most =>
                        $"{subject} must be at most {most} characters.",
                    "enum" when At(type.Schema, detail.EvaluationPath + "/enum") is { ValueKind: JsonValueKind.Array } values =>
                        $"{subject} must be one of {string.Join(", ", values.EnumerateArray().Select(v => v.ToString()))}.",
                    "format" => $"{subject} must be a UUID.",
                    _ => $"{subject}: {message}",
                }));
            }
        }
    }

    private static readonly EvaluationOptions Flag = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
    private static readonly EvaluationOptions List = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary><c>/cases/0/port</c> → <c>cases[0].port</c>.</summary>
    private static string Field(string pointer) =>
        string.Concat(Segments(pointer).Select((s, i) => int.TryParse(s, out _) ? $"[{s}]" : i == 0 ? s : "." + s));

    private static string Join(string field, string name) => field.Length == 0 ? name : $"{field}.{name}";

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/").Replace("~0", "~"));

    /// <summary>The value a JSON Pointer names in <paramref name="root"/>, or null.</summary>
    private static JsonElement? At(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var segment in Segments(pointer))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child)) current = child;
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var i) && i < current.GetArrayLength()) current = current[i];
            else return null;
        }
        return current;
    }
}
