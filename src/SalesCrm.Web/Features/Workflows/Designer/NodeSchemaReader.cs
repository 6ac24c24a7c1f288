using System.Text.Json;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// Reads a node type's settings schema (the catalog's, the one the API validates with) into the fields of the
/// designer's form: string, number, integer, boolean, enum, array of strings, and anything else as JSON.
/// </summary>
public static class NodeSchemaReader
{
    /// <summary>Settings whose names call for a picker; <c>field</c> only where the node writes the lead.</summary>
    private static SettingsPicker PickerOf(string type, string name, SchemaFieldKind kind) => name switch
    {
        "stage_id" => SettingsPicker.Stage,
        "user_id" => SettingsPicker.User,
        "template_id" => SettingsPicker.Template,
        "workflow_id" => SettingsPicker.Workflow,
        "event_type" => SettingsPicker.EventType,
        "store_to" => SettingsPicker.LeadField,
        "field" when type == "set_field" => SettingsPicker.LeadField,
        "field" when type is "condition" or "switch" => SettingsPicker.TestedValue,
        // Settings read as they are, never rendered: a variable there would stay literal.
        "label" or "filter" or "cron" or "duration" or "timeout" or "due_in" or "field" or "method" => SettingsPicker.None,
        _ when kind is SchemaFieldKind.Text or SchemaFieldKind.LongText => SettingsPicker.Variables,
        _ => SettingsPicker.None,
    };

    public static IReadOnlyList<SchemaField> Fields(WorkflowNodeType type)
    {
        var schema = type.Schema;
        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object) return [];
        var fields = new List<SchemaField>();
        foreach (var property in properties.EnumerateObject())
        {
            var p = property.Value;
            // Kept so stored graphs stay valid, but it does nothing: the form does not offer it (JSON Schema's "deprecated").
            if (p.TryGetProperty("deprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.True) continue;
            var kind = property.Name is "duration" or "timeout" or "due_in" && KindOf(p) == SchemaFieldKind.Text ? SchemaFieldKind.Duration : KindOf(p);
            fields.Add(new SchemaField(property.Name, kind, required.Contains(property.Name), Strings(p, "enum"),
                p.TryGetProperty("description", out var d) ? d.GetString() : null, NumberOf(p, "minimum"), NumberOf(p, "maximum"),
                PickerOf(type.Type, property.Name, kind), Strings(p, "examples")));
        }
        // Required settings first, in schema order; the optional label last.
        return [.. fields.Where(f => f.Required), .. fields.Where(f => !f.Required && f.Name != "label"), .. fields.Where(f => f.Name == "label")];
    }

    private static SchemaFieldKind KindOf(JsonElement p)
    {
        if (p.TryGetProperty("enum", out _)) return SchemaFieldKind.Choice;
        var type = p.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type switch
        {
            "string" => NumberOf(p, "maxLength") >= 1000 ? SchemaFieldKind.LongText : SchemaFieldKind.Text,
            "integer" => SchemaFieldKind.Integer,
            "number" => SchemaFieldKind.Number,
            "boolean" => SchemaFieldKind.Boolean,
            "array" when p.TryGetProperty("items", out var items) && items.TryGetProperty("type", out var it) && it.GetString() == "string"
                && !items.TryGetProperty("properties", out _) => SchemaFieldKind.TextList,
            _ => SchemaFieldKind.Json,
        };
    }

    private static double? NumberOf(JsonElement p, string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static IReadOnlyList<string> Strings(JsonElement p, string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
        ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
        : [];
}
