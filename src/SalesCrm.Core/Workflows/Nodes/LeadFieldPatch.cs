using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// Turns a <c>set_field</c> target (<c>lead.priority</c>, <c>lead.custom.city</c>) and value into the <see cref="LeadPatch"/>
/// the lead service applies, so a workflow edits a lead exactly as the API does (validation, events, history).
/// </summary>
public static class LeadFieldPatch
{
    /// <summary>The lead fields a workflow may set (the API's names).</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "email", "phone", "company", "source", "priority", "value", "currency", "expected_close_date", "tags",
        "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The patch for <paramref name="field"/>; <paramref name="currentCustom"/> is the lead's custom fields (a custom field is merged into them).</summary>
    public static LeadPatch Build(string field, JsonNode? value, JsonNode? currentCustom)
    {
        if (field.StartsWith("lead.custom.", StringComparison.Ordinal))
        {
            var custom = currentCustom is JsonObject o ? (JsonObject)o.DeepClone() : new JsonObject();
            custom[field["lead.custom.".Length..]] = value?.DeepClone();
            return new LeadPatch { CustomFields = JsonSerializer.Deserialize<JsonElement>(custom.ToJsonString()) };
        }
        var name = field.StartsWith("lead.", StringComparison.Ordinal) ? field[5..] : field;
        if (!Fields.Contains(name)) throw new ValidationException("field", $"'{field}' cannot be set by a workflow; use one of lead.{string.Join(", lead.", Fields)} or lead.custom.<name>.");
        try
        {
            return new JsonObject { [name] = value?.DeepClone() }.Deserialize<LeadPatch>(Json) ?? new LeadPatch();
        }
        catch (JsonException)
        {
            throw new ValidationException(name, $"'{value?.ToJsonString()}' is not a valid value for {field}.");
        }
    }
}
