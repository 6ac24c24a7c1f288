using System.Globalization;
using System.Text.Json;
using SalesCrm.Core.Workflows.Expressions;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>Reads the messaging nodes' settings (already valid against their catalog schema) and renders their texts.</summary>
internal static class BotSettings
{
    public static string? String(JsonElement settings, string name) =>
        settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;

    public static int? Int(JsonElement settings, string name) =>
        settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    public static double? Number(JsonElement settings, string name) =>
        settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public static bool? Bool(JsonElement settings, string name) =>
        settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public static Guid? Uuid(JsonElement settings, string name) => Guid.TryParse(String(settings, name), out var id) ? id : null;

    public static IReadOnlyList<string> Strings(JsonElement settings, string name) =>
        settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    /// <summary>An ISO 8601 duration setting (<c>PT48H</c>, <c>P2D</c>); <paramref name="fallback"/> when absent or unreadable.</summary>
    public static TimeSpan Duration(JsonElement settings, string name, TimeSpan fallback)
    {
        var text = String(settings, name);
        if (text is null) return fallback;
        try { return System.Xml.XmlConvert.ToTimeSpan(text); }
        catch (FormatException) { return fallback; }
    }

    /// <summary>A text setting rendered against the run's scope (<c>{{lead.name}}</c>…); null when absent or rendered blank.</summary>
    public static string? Render(JsonElement settings, string name, WorkflowScope scope) =>
        String(settings, name) is { } template && TemplateRenderer.Render(template, scope).Text is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>The <c>variables</c> object of a template send, each value rendered.</summary>
    public static Dictionary<string, string> Variables(JsonElement settings, WorkflowScope scope)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (settings.ValueKind != JsonValueKind.Object || !settings.TryGetProperty("variables", out var v) || v.ValueKind != JsonValueKind.Object) return values;
        foreach (var p in v.EnumerateObject())
            values[p.Name] = p.Value.ValueKind == JsonValueKind.String ? TemplateRenderer.Render(p.Value.GetString(), scope).Text : p.Value.ToString();
        return values;
    }

    public static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
