using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// The settings of one node while the form edits them: reads and writes one property at a time and gives back the
/// whole object. A cleared value removes the property, so an untouched setting stays absent as stored.
/// </summary>
public sealed class NodeSettingsDraft(JsonElement? settings)
{
    private readonly JsonObject _settings = settings is { ValueKind: JsonValueKind.Object } s ? JsonNode.Parse(s.GetRawText())!.AsObject() : [];

    public JsonElement ToElement() => JsonSerializer.SerializeToElement(_settings);

    public bool Has(string name) => _settings.ContainsKey(name);

    public string? Text(string name) => _settings[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => other.ToJsonString(),
    };

    public double? Number(string name) => _settings[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    public bool Flag(string name) => _settings[name] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public IReadOnlyList<string> Lines(string name) => _settings[name] is JsonArray a
        ? a.Select(x => x is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : x?.ToJsonString() ?? "").ToList()
        : [];

    /// <summary>The setting as JSON text (for objects and untyped values).</summary>
    public string Json(string name) => _settings[name]?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "";

    public void SetText(string name, string? value) => Set(name, string.IsNullOrEmpty(value) ? null : JsonValue.Create(value));

    public void SetNumber(string name, double? value, bool integer) =>
        Set(name, value is not { } n ? null : integer ? JsonValue.Create((long)Math.Round(n)) : JsonValue.Create(n));

    public void SetFlag(string name, bool value) => Set(name, JsonValue.Create(value));

    public void SetLines(string name, string? text)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Set(name, lines.Length == 0 ? null : new JsonArray([.. lines.Select(l => (JsonNode?)JsonValue.Create(l))]));
    }

    /// <summary>JSON text as the value; text that is not JSON is taken as a string (a condition's value "meta_ads").</summary>
    public void SetJson(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) { Set(name, null); return; }
        JsonNode? node;
        try { node = JsonNode.Parse(text); }
        catch (JsonException) { node = JsonValue.Create(text.Trim()); }
        Set(name, node ?? JsonValue.Create(text.Trim()));
    }

    private void Set(string name, JsonNode? value)
    {
        if (value is null) _settings.Remove(name);
        else _settings[name] = value;
    }

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
