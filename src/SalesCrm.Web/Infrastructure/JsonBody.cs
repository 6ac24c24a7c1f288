using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Reads a JSON object body field by field, so a body with several wrong fields answers one 400 naming every one of
/// them (the framework's binder stops at the first), and a <c>null</c> or non-object body is a 400 under <c>body</c>
/// with the stable code rather than the framework's own text. Unknown fields are ignored, as the binder does.
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
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = options.MaxDepth > 0 ? options.MaxDepth : 64 }, cancellationToken: ct);
        }
        catch (JsonException)
        {
            throw new ValidationException("body", "is not valid JSON.");
        }
        if (node is not JsonObject body)
            throw new ValidationException("body", node is null ? "is required: send a JSON object." : "must be a JSON object.");

        var errors = new Dictionary<string, string[]>();
        var properties = Properties(typeof(T), options);
        foreach (var (name, value) in body)
        {
            if (!properties.TryGetValue(name, out var type)) continue;
            try
            {
                value.Deserialize(type, options);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
            {
                var json = e as JsonException;
                var rejected = json as RejectedJsonValueException;
                var inner = json?.Path is { Length: > 1 } path && path.StartsWith('$') ? path[1..] : "";
                errors[name + inner + rejected?.PathSuffix] = [rejected?.Reason ?? "The value has the wrong type or is not one of the allowed values."];
            }
        }
        if (errors.Count > 0) throw new ValidationException(errors);
        return body.Deserialize<T>(options) ?? throw new ValidationException("body", "is required: send a JSON object.");
    }

    private static Dictionary<string, Type> Properties(Type type, JsonSerializerOptions options) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead)
            .ToDictionary(p => options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name, p => p.PropertyType,
                options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
}
