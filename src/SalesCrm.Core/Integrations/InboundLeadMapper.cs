using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Integrations;

/// <summary>Maps what Meta's Graph API and form tools send into a lead; everything unrecognised goes to custom fields.</summary>
/// <remarks>
/// Amounts are read in the workspace's culture with <see cref="MoneyParser"/>. One that cannot be read leaves the value
/// empty, keeps the text (Meta: the answer stays in its custom field; Zapier: <c>value_raw</c>) and adds a line to
/// <c>warnings</c>, which the inbox shows on the item: the lead is still created, never with a guessed or zero amount.
/// </remarks>
public static class InboundLeadMapper
{
    /// <summary>Meta custom questions (and form tools) that carry the deal's amount.</summary>
    private static readonly string[] MoneyKeys = ["value", "valor", "amount", "orcamento", "orçamento", "budget", "investimento"];

    /// <summary>Meta lead form answers (<c>field_data</c> name → first value) plus the change's ids.</summary>
    /// <param name="culture">The workspace's culture (e.g. <c>pt-BR</c>), for amounts in custom questions.</param>
    /// <param name="warnings">Receives one line per answer that could not be used (the lead is created anyway).</param>
    public static LeadInput FromMeta(IReadOnlyDictionary<string, string> fields, string leadgenId, string pageId, string? formId, string? adId, string idempotencyKey,
        string culture, ICollection<string> warnings)
    {
        string? Take(params string[] names)
        {
            foreach (var n in names) if (fields.TryGetValue(n, out var value) && !string.IsNullOrWhiteSpace(value)) return Inbox.JsonPath.WithoutNul(value).Trim();
            return null;
        }
        var name = Take("full_name", "nome_completo", "name", "nome")
                   ?? string.Join(' ', new[] { Take("first_name", "primeiro_nome"), Take("last_name", "sobrenome") }.Where(s => s is not null));
        var known = new HashSet<string> { "full_name", "nome_completo", "name", "nome", "first_name", "primeiro_nome", "last_name", "sobrenome", "email", "phone_number", "telefone", "company_name", "empresa" };
        var custom = new JsonObject { ["meta_leadgen_id"] = leadgenId, ["meta_page_id"] = pageId };
        if (formId is not null) custom["meta_form_id"] = formId;
        if (adId is not null) custom["meta_ad_id"] = adId;
        foreach (var (key, value) in fields.Where(f => !known.Contains(f.Key))) custom[key] = value;
        // Custom questions are keyed by their text (e.g. "qual_o_seu_orçamento?"), so a money word anywhere in the key counts.
        var money = fields.Keys.Where(k => !string.IsNullOrWhiteSpace(fields[k])).OrderBy(k => k, StringComparer.Ordinal)
            .FirstOrDefault(k => MoneyKeys.Any(word => k.Contains(word, StringComparison.OrdinalIgnoreCase)));
        decimal? amount = money is null ? null : Money(fields[money], culture, money, warnings);
        return new LeadInput
        {
            Name = string.IsNullOrWhiteSpace(name) ? Take("email", "phone_number") ?? $"Lead {leadgenId}" : name,
            Email = Take("email"), Phone = Take("phone_number", "telefone"), Company = Take("company_name", "empresa"),
            Source = LeadSource.MetaAds, Value = amount, UtmSource = "facebook", UtmMedium = "paid_social", UtmContent = adId,
            CustomFields = JsonSerializer.SerializeToElement(custom), IdempotencyKey = idempotencyKey,
        };
    }

    private static readonly string[] NameKeys = ["name", "full_name", "nome", "nome_completo"];
    private static readonly string[] PhoneKeys = ["phone", "phone_number", "whatsapp", "telefone", "celular", "mobile"];

    /// <summary>Flat JSON from Zapier and form tools, with the usual variations of field names.</summary>
    /// <param name="culture">The workspace's culture (e.g. <c>pt-BR</c>) for amounts sent as text; JSON numbers are read as numbers, under the same two-decimal rule.</param>
    /// <param name="warnings">Receives one line per field that could not be used (the lead is created anyway).</param>
    public static LeadInput FromFlatJson(JsonObject body, string idempotencyKey, string culture, ICollection<string> warnings)
    {
        var values = body.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key.Trim().ToLowerInvariant(), p => Inbox.JsonPath.Text(p.Value) ?? "", StringComparer.Ordinal);
        // A phone sent as a list or an object (a form tool's multi-value field) is kept as its text, so the lead service
        // stores it as phone_raw with a warning instead of the phone vanishing.
        foreach (var (key, node) in body)
            if (node is JsonArray or JsonObject && PhoneKeys.Contains(key.Trim().ToLowerInvariant()))
                values[key.Trim().ToLowerInvariant()] = node is JsonArray list && list.All(i => i is JsonValue)
                    ? string.Join(", ", list.Select(i => Inbox.JsonPath.Text(i)))
                    : Inbox.JsonPath.WithoutNul(node.ToJsonString());
        string? Take(IEnumerable<string> names)
        {
            foreach (var n in names) if (values.TryGetValue(n, out var v) && !string.IsNullOrWhiteSpace(v)) return v.Trim();
            return null;
        }
        var first = Take(["first_name", "primeiro_nome"]);
        var last = Take(["last_name", "sobrenome"]);
        var name = Take(NameKeys) ?? (first is null && last is null ? null : $"{first} {last}".Trim());
        var source = LeadSource.Zapier;
        if (Take(["source", "origem"]) is { } s && SnakeEnum.TryParse<LeadSource>(s, out var parsed)) source = parsed;
        var moneyKey = body.Select(p => p.Key).FirstOrDefault(k => MoneyKeys[..3].Contains(k.Trim().ToLowerInvariant()) && !string.IsNullOrWhiteSpace(body[k]?.ToString()));
        decimal? value = moneyKey is null ? null : Amount(body[moneyKey]!, culture, moneyKey, warnings);
        var used = new HashSet<string>(NameKeys.Concat(PhoneKeys)) { "first_name", "primeiro_nome", "last_name", "sobrenome", "email", "e-mail", "company", "empresa", "source", "origem", "value", "valor", "amount", "tags" };
        var custom = new JsonObject();
        foreach (var (key, node) in body)
        {
            var k = key.Trim().ToLowerInvariant();
            if (used.Contains(k) || k.StartsWith("utm_", StringComparison.Ordinal)) continue;
            custom[key] = node?.DeepClone();
        }
        if (moneyKey is not null && value is null) custom["value_raw"] = body[moneyKey]!.ToString();
        var tags = body["tags"] switch
        {
            JsonArray array => array.Select(t => t?.ToString() ?? "").Where(t => t.Length > 0).ToList(),
            JsonValue text => text.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            _ => null,
        };
        return new LeadInput
        {
            Name = name ?? Take(["email", "e-mail"]) ?? Take(PhoneKeys), Email = Take(["email", "e-mail"]), Phone = Take(PhoneKeys), Company = Take(["company", "empresa"]),
            Source = source, Value = value, Tags = tags,
            UtmSource = Take(["utm_source"]), UtmMedium = Take(["utm_medium"]), UtmCampaign = Take(["utm_campaign"]), UtmTerm = Take(["utm_term"]), UtmContent = Take(["utm_content"]),
            CustomFields = JsonSerializer.SerializeToElement(custom), IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>
    /// A JSON number as it is (no culture: <c>1.5</c> is one and a half) under the same rule as text
    /// (<see cref="MoneyParser.IsAmount"/>: <c>1500.123</c> is not rounded to 1500.12); anything else as text in the culture.
    /// Null with a warning when it is not an amount.
    /// </summary>
    private static decimal? Amount(JsonNode node, string culture, string field, ICollection<string> warnings)
    {
        if (node is not JsonValue number || number.GetValueKind() != JsonValueKind.Number) return Money(node.ToString().Trim(), culture, field, warnings);
        if (number.TryGetValue<decimal>(out var amount) && MoneyParser.IsAmount(amount) && LeadService.IsValue(amount)) return amount;
        warnings.Add($"{field}: {number.ToJsonString()} is not an amount (more than two decimals, negative or too large); the lead was created without a value and the number was kept.");
        return null;
    }

    /// <summary>The amount in <paramref name="text"/>, or null with a warning naming the field and the text.</summary>
    private static decimal? Money(string text, string culture, string field, ICollection<string> warnings)
    {
        if (MoneyParser.TryParse(text, culture, out var amount) && LeadService.IsValue(amount)) return amount;
        warnings.Add($"{field}: '{text}' is not an amount in {culture}; the lead was created without a value and the text was kept.");
        return null;
    }
}
