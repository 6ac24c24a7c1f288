using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// Stores a validated answer on the lead through <see cref="LeadService.UpdateAsync"/> (validation, history, events):
/// <c>lead.name</c>, <c>lead.email</c>, <c>lead.phone</c>, <c>lead.company</c>, <c>lead.value</c>,
/// <c>lead.expected_close_date</c>, or <c>lead.custom.&lt;name&gt;</c> (merged into the custom fields, with the answer's JSON
/// type: a number stays a number). A concurrent edit of the lead is retried on the fresh version.
/// </summary>
public sealed class BotAnswerStore(LeadService leads, LeadQuery query)
{
    private const int Attempts = 3;

    /// <summary>Stores <paramref name="value"/> at <paramref name="field"/>; returns null on success, else why not (an unknown field, a value the lead refuses).</summary>
    public async Task<string?> StoreAsync(Guid leadId, string field, JsonNode? value, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var lead = await query.GetAsync(leadId, ct);
                if (Patch(field, value, lead) is not { } patch) return $"'{field}' is not a lead field an answer can be stored in.";
                await leads.UpdateAsync(leadId, patch with { ExpectedVersion = lead.Version }, ct);
                return null;
            }
            catch (ConflictException) when (attempt < Attempts) { /* edited meanwhile: read again */ }
            catch (DomainException e) when (e is ValidationException or ConflictException)
            {
                return e is ValidationException v ? string.Join(" ", v.Errors.SelectMany(kv => kv.Value.Select(m => $"{kv.Key} {m}"))) : e.Message;
            }
        }
    }

    private static LeadPatch? Patch(string field, JsonNode? value, LeadDto lead)
    {
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString();
        const string custom = "lead.custom.";
        if (field.StartsWith(custom, StringComparison.Ordinal) && field.Length > custom.Length)
        {
            var fields = JsonNode.Parse(lead.CustomFields.ValueKind == JsonValueKind.Object ? lead.CustomFields.GetRawText() : "{}")!.AsObject();
            fields[field[custom.Length..]] = value?.DeepClone();
            return new LeadPatch { CustomFields = JsonSerializer.Deserialize<JsonElement>(fields.ToJsonString()) };
        }
        return field switch
        {
            "lead.name" => new LeadPatch { Name = text },
            "lead.email" => new LeadPatch { Email = text },
            "lead.phone" => new LeadPatch { Phone = text },
            "lead.company" => new LeadPatch { Company = text },
            "lead.value" when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var money) => new LeadPatch { Value = money },
            "lead.expected_close_date" when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => new LeadPatch { ExpectedCloseDate = date },
            _ => null,
        };
    }
}
