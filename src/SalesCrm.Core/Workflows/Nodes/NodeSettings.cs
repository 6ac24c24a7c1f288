using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>Reads a node's settings for an executor: raw values, values rendered with the run's scope, ISO 8601 durations.</summary>
public static class NodeSettings
{
    public static JsonNode? Raw(WorkflowNodeContext context, string name) =>
        context.Settings.ValueKind == JsonValueKind.Object && context.Settings.TryGetProperty(name, out var v) ? JsonNode.Parse(v.GetRawText()) : null;

    /// <summary>The setting with every <c>{{ … }}</c> in its text rendered.</summary>
    public static JsonNode? Rendered(WorkflowNodeContext context, string name) => TemplateRenderer.RenderValue(Raw(context, name), context.Scope);

    /// <summary>The setting as rendered text, or null when absent or blank.</summary>
    public static string? Text(WorkflowNodeContext context, string name)
    {
        var value = Rendered(context, name);
        var text = value is null ? null : value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.ToJsonString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static Guid? Id(WorkflowNodeContext context, string name) => Guid.TryParse(Text(context, name), out var id) ? id : null;

    public static bool? Flag(WorkflowNodeContext context, string name) => Raw(context, name) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    /// <summary>An ISO 8601 duration (PT48H, P2D); null when absent, a <see cref="FormatException"/> when malformed.</summary>
    public static TimeSpan? Duration(WorkflowNodeContext context, string name) =>
        Text(context, name) is { } text ? XmlConvert.ToTimeSpan(text) : null;

    /// <summary>A date-time (ISO 8601; without an offset read in the workspace's zone) as UTC.</summary>
    public static DateTime? Instant(WorkflowNodeContext context, string name)
    {
        if (Text(context, name) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && HasOffset(text)) return at.UtcDateTime;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), context.Scope.TimeZone);
        throw new FormatException($"'{text}' is not a date-time (ISO 8601, e.g. 2026-12-05T09:00:00-03:00).");
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    /// <summary>The setting's text before rendering (for executors that render it with their own length cap); null unless a string.</summary>
    public static string? Template(WorkflowNodeContext context, string name) => Raw(context, name) is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    public static int? Int(WorkflowNodeContext context, string name) => Raw(context, name) is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i : null;
}
