using System.Text.Json.Nodes;

namespace SalesCrm.Core.Inbox;

/// <summary>
/// Reads a provider payload field by field without ever throwing a bare InvalidOperation or NullReference: a field of
/// the wrong kind reads as missing, and a required one that is missing is a <see cref="MalformedItemException"/> naming
/// its path.
/// </summary>
public static class JsonPath
{
    /// <summary>The member <paramref name="key"/> of an object; null when <paramref name="node"/> is not an object or lacks it.</summary>
    public static JsonNode? Get(JsonNode? node, string key) => node is JsonObject o && o.TryGetPropertyValue(key, out var value) ? value : null;

    /// <summary>A scalar member as text (strings as they are, numbers and booleans as written); null for a missing member, null or an object.</summary>
    public static string? Text(JsonNode? node, string key) => Text(Get(node, key));

    /// <summary>A scalar as text; null for null, an object or an array.</summary>
    /// <remarks>
    /// NUL characters are dropped: neither database stores them in text (PostgreSQL refuses them), and a customer's message
    /// or a form's name that carries one is still a message or a name worth keeping.
    /// </remarks>
    public static string? Text(JsonNode? node) => node is JsonValue v ? WithoutNul(v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;

    /// <summary><paramref name="text"/> without NUL characters (the same instance when it has none).</summary>
    public static string WithoutNul(string text) => text.Contains('\0') ? text.Replace("\0", "") : text;

    /// <summary>The elements of an array member; empty when missing or not an array.</summary>
    public static JsonArray Array(JsonNode? node, string key) => Get(node, key) as JsonArray ?? [];

    /// <summary>
    /// The elements of an array member that may be absent: empty when missing or null, a <see cref="MalformedItemException"/>
    /// at <c>path.key</c> when it is there but not an array (a list sent as a string or an object is not silently empty).
    /// </summary>
    public static JsonArray List(JsonNode? node, string path, string key) => Get(node, key) switch
    {
        null => [],
        JsonArray array => array,
        var other => throw new MalformedItemException(path.Length == 0 ? key : $"{path}.{key}", $"is not an array ({other.GetValueKind().ToString().ToLowerInvariant()})"),
    };

    /// <summary>The element at <paramref name="path"/> as an object, or a <see cref="MalformedItemException"/> saying what it is instead.</summary>
    public static JsonObject RequireObject(JsonNode? node, string path) => node switch
    {
        JsonObject o => o,
        null => throw new MalformedItemException(path, "is null"),
        _ => throw new MalformedItemException(path, $"is not an object ({node.GetValueKind().ToString().ToLowerInvariant()})"),
    };

    /// <summary>A required scalar member as text, or a <see cref="MalformedItemException"/> at <c>path.key</c>.</summary>
    public static string RequireText(JsonNode? node, string path, string key) =>
        Text(node, key) is { Length: > 0 } s ? s : throw new MalformedItemException($"{path}.{key}", Get(node, key) is null ? "is missing" : "is not text");
}
