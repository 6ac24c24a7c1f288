using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Reads a JSON object body field by field, so a body with several wrong fields answers one 400 naming every one of
/// them (the framework's binder stops at the first), and a <c>null</c> or non-object body is a 400 under <c>body</c>
/// with the stable code rather than the framework's own text. Unknown fields are ignored, as the binder does.
/// <see cref="RequestInputGuard"/> runs <see cref="CheckAsync"/> before every endpoint that binds a JSON object body,
/// so the framework's binder only ever sees a body whose fields all read (ADR 038).
/// </summary>
public static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/> (a request record whose properties are read snake_case).</summary>
    /// <exception cref="ValidationException">Not JSON, not an object, or one or more fields of the wrong type (each named).</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType())
            throw new BadHttpRequestException("Send the body as application/json.", StatusCodes.Status415UnsupportedMediaType);
        var options = request.HttpContext.JsonOptions();
        var body = await ParseAsync(request, options, ct) as JsonObject
                   ?? throw new ValidationException("body", "is required: send a JSON object.");
        Check(body, options.GetTypeInfo(typeof(T)), options);
        return body.Deserialize<T>(options) ?? throw new ValidationException("body", "is required: send a JSON object.");
    }

    /// <summary>
    /// Checks a JSON body against <paramref name="type"/> (an object-shaped request record) without consuming it: the
    /// body is buffered and rewound, so the framework's binder reads it afterwards. A type that is not a JSON object
    /// (a list, a dictionary, a string) is left to the binder; an empty or <c>null</c> body passes when
    /// <paramref name="optional"/>.
    /// </summary>
    /// <exception cref="ValidationException">Not JSON, not an object, or one or more fields of the wrong type (each named).</exception>
    public static async Task CheckAsync(HttpRequest request, Type type, bool optional, CancellationToken ct)
    {
        var options = request.HttpContext.JsonOptions();
        JsonTypeInfo info;
        try
        {
            info = options.GetTypeInfo(type);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return;
        }
        if (info.Kind != JsonTypeInfoKind.Object || (optional && request.ContentLength == 0)) return;
        if (request.ContentLength == 0) throw new ValidationException("body", "is required: send a JSON object.");
        request.EnableBuffering();
        try
        {
            var node = await ParseAsync(request, options, ct);
            if (node is null && optional) return;
            Check(node as JsonObject ?? throw new ValidationException("body", "is required: send a JSON object."), info, options);
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static async Task<JsonNode?> ParseAsync(HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = options.MaxDepth > 0 ? options.MaxDepth : 64 }, cancellationToken: ct);
        }
        catch (JsonException)
        {
            throw new ValidationException("body", "is not valid JSON.");
        }
        if (node is not null and not JsonObject) throw new ValidationException("body", "must be a JSON object.");
        return node;
    }

    /// <summary>Deserializes each known property of <paramref name="body"/> on its own and throws one error naming every wrong one.</summary>
    private static void Check(JsonObject body, JsonTypeInfo info, JsonSerializerOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        CheckObject("", body, info, options, errors);
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    private static void CheckObject(string prefix, JsonObject body, JsonTypeInfo info, JsonSerializerOptions options, Dictionary<string, string[]> errors)
    {
        var comparer = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var properties = new Dictionary<string, Type>(comparer);
        foreach (var property in info.Properties)
            if (property.Set is not null || property.AssociatedParameter is not null) properties.TryAdd(property.Name, property.PropertyType);
        foreach (var (name, value) in body)
            if (properties.TryGetValue(name, out var type)) CheckValue(prefix + name, value, type, options, errors);
    }

    /// <summary>
    /// A value that does not read is looked into: an object field by field, a list item by item, so every wrong field
    /// of every item is named (<c>stages[1].kind</c>); a value with nothing to look into is named itself.
    /// </summary>
    private static void CheckValue(string path, JsonNode? value, Type type, JsonSerializerOptions options, Dictionary<string, string[]> errors)
    {
        try
        {
            JsonSerializer.Deserialize(value?.ToJsonString() ?? "null", type, options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            var before = errors.Count;
            var info = options.TryGetTypeInfo(type, out var found) ? found : null;
            if (value is JsonObject item && info?.Kind == JsonTypeInfoKind.Object)
                CheckObject(path + ".", item, info, options, errors);
            else if (value is JsonArray list && (info?.ElementType ?? ElementTypeOf(type)) is { } element)
                for (var i = 0; i < list.Count; i++) CheckValue($"{path}[{i}]", list[i], element, options, errors);
            if (errors.Count > before) return;
            var json = e as JsonException;
            var rejected = json as RejectedJsonValueException;
            var inner = json?.Path is { Length: > 1 } at && at.StartsWith('$') ? at[1..] : "";
            errors[path + inner + rejected?.PathSuffix] = [rejected?.Reason ?? "The value has the wrong type or is not one of the allowed values."];
        }
    }

    /// <summary>The item type of a list (the list converters here have no <see cref="JsonTypeInfo.ElementType"/>), or null.</summary>
    private static Type? ElementTypeOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
            ?.GetGenericArguments()[0];
}
