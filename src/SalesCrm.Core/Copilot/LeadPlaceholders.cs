using System.Text.RegularExpressions;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Fills the lead variables a playbook or a static suggestion writes as <c>{{first_name}}</c>, <c>{nome}</c>,
/// <c>[nome]</c> or <c>(nome)</c> (pt-BR and English names), and takes a lead's name and company out of a text again before
/// it is cached. The seller (<c>(vendedor)</c>, <c>{{owner_name}}</c>) is the lead's owner, else the rep asking.
/// </summary>
public static partial class LeadPlaceholders
{
    private static readonly HashSet<string> SellerKeys = new(StringComparer.Ordinal) { "owner_name", "vendedor", "consultor", "seu_nome", "vendedora", "consultora" };

    private static readonly Dictionary<string, Func<LeadFacts, string?>> Known = new(StringComparer.Ordinal)
    {
        ["first_name"] = f => f.FirstName, ["primeiro_nome"] = f => f.FirstName, ["nome"] = f => f.FirstName, ["name"] = f => f.FirstName,
        ["cliente"] = f => f.FirstName, ["nome_do_cliente"] = f => f.FirstName,
        ["lead_name"] = f => f.Name, ["nome_completo"] = f => f.Name,
        ["stage"] = f => f.StageName, ["etapa"] = f => f.StageName,
        ["product"] = f => f.Product, ["produto"] = f => f.Product,
        ["owner_name"] = f => f.OwnerName, ["vendedor"] = f => f.OwnerName, ["consultor"] = f => f.OwnerName, ["seu_nome"] = f => f.OwnerName,
        ["vendedora"] = f => f.OwnerName, ["consultora"] = f => f.OwnerName,
        ["company"] = f => f.TemplateVariables.GetValueOrDefault("company"), ["empresa"] = f => f.TemplateVariables.GetValueOrDefault("company"),
    };

    /// <summary>What stands for an unknown company: "para a (empresa)" → "para a sua empresa", not "para a".</summary>
    private static readonly Dictionary<string, string> Fallbacks = new(StringComparer.Ordinal) { ["company"] = "your company", ["empresa"] = "sua empresa" };

    /// <summary>
    /// Replaces every known placeholder with the lead's value; the seller's with the lead's owner, else
    /// <paramref name="seller"/> (the rep asking). Without a lead (or a value), a placeholder is dropped with the comma or
    /// space around it ("Oi, {{first_name}}!" → "Oi!") and a sentence it opened starts with a capital again
    /// ("(nome), tudo bem?" → "Tudo bem?"); unknown placeholders stay as written.
    /// </summary>
    public static string Fill(string text, LeadFacts? lead, string? seller = null)
    {
        var filled = Placeholder().Replace(text, m =>
        {
            var key = LeadSearch.Fold(m.Groups["name"].Value.Trim()).Replace(' ', '_');
            if (!Known.TryGetValue(key, out var read)) return m.Value;
            var value = lead is null ? null : read(lead);
            if (value is null && SellerKeys.Contains(key) && !string.IsNullOrWhiteSpace(seller)) value = seller.Trim();
            return value ?? Fallbacks.GetValueOrDefault(key) ?? "\u0000";
        });
        if (!filled.Contains('\u0000')) return filled;
        // The dropped spot stays marked (\u0001) until a sentence it opened has its capital back.
        var dropped = Dropped().Replace(filled, "\u0001").Replace('\u0000', '\u0001').Replace("  ", " ").Trim();
        dropped = SentenceOpenedByDrop().Replace(dropped, m => m.Groups["lead"].Value + char.ToUpper(m.Groups["letter"].Value[0], System.Globalization.CultureInfo.InvariantCulture));
        return dropped.Replace("\u0001", "").Replace("  ", " ").Trim();
    }

    /// <summary>
    /// The values a WhatsApp template's <c>{{variables}}</c> take for the lead: its template variables (<c>first_name</c>,
    /// <c>lead_name</c>, <c>value</c>, <c>company</c>, <c>owner_name</c>) and the same facts under the playbook's pt-BR and
    /// English names (<c>nome</c>, <c>empresa</c>, <c>valor</c>, <c>vendedor</c>, <c>etapa</c>, <c>produto</c>…); the seller
    /// is the lead's owner, else <paramref name="seller"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> TemplateValues(LeadFacts lead, string? seller)
    {
        var values = new Dictionary<string, string>(lead.TemplateVariables, StringComparer.Ordinal);
        foreach (var (key, read) in Known)
            if (!values.ContainsKey(key) && (read(lead) ?? (SellerKeys.Contains(key) ? seller : null)) is { Length: > 0 } value) values[key] = value;
        if (values.TryGetValue("value", out var amount)) values.TryAdd("valor", amount);
        return values;
    }

    /// <summary>
    /// The lead's full and first name, company and the seller's name written back as <c>{{lead_name}}</c>,
    /// <c>{{first_name}}</c>, <c>{{company}}</c> and <c>{{owner_name}}</c>, so a cached text is refilled for the next lead and rep.
    /// </summary>
    public static string Generalize(string text, LeadFacts? lead, string? seller = null)
    {
        var sellerName = lead?.OwnerName ?? seller;
        if (sellerName is { Length: > 1 }) text = text.Replace(sellerName.Trim(), "{{owner_name}}", StringComparison.Ordinal);
        if (lead is null) return text;
        var result = text.Replace(lead.Name, "{{lead_name}}", StringComparison.Ordinal);
        if (lead.TemplateVariables.GetValueOrDefault("company") is { Length: > 1 } company) result = result.Replace(company, "{{company}}", StringComparison.Ordinal);
        return lead.FirstName.Length < 2 ? result : Regex.Replace(result, $@"\b{Regex.Escape(lead.FirstName)}\b", "{{first_name}}");
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[\p{L}_ ]{2,30}?)\s*\}\}|\{(?<name>[\p{L}_ ]{2,30})\}|\[(?<name>[\p{L}_ ]{2,30})\]|\((?<name>[\p{L}_ ]{2,30})\)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@",\s*\u0000|\u0000\s*,\s*|(?<![.!?])\s\u0000(?=[!?.,])")]
    private static partial Regex Dropped();

    /// <summary>A lowercase letter right after a dropped placeholder that opened the text or a sentence.</summary>
    [GeneratedRegex(@"(?<lead>(?:^|[.!?]\s+)[\s\u0001]*\u0001\s*)(?<letter>\p{Ll})")]
    private static partial Regex SentenceOpenedByDrop();
}
