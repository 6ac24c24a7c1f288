using System.Text.RegularExpressions;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Fills the lead variables a playbook or a static suggestion writes as <c>{{first_name}}</c>, <c>{nome}</c>,
/// <c>[nome]</c> or <c>(nome)</c> (pt-BR and English names), and takes a lead's name and company out of a text again before
/// it is cached.
/// </summary>
public static partial class LeadPlaceholders
{
    private static readonly Dictionary<string, Func<LeadFacts, string?>> Known = new(StringComparer.Ordinal)
    {
        ["first_name"] = f => f.FirstName, ["primeiro_nome"] = f => f.FirstName, ["nome"] = f => f.FirstName, ["name"] = f => f.FirstName,
        ["cliente"] = f => f.FirstName, ["nome_do_cliente"] = f => f.FirstName,
        ["lead_name"] = f => f.Name, ["nome_completo"] = f => f.Name,
        ["stage"] = f => f.StageName, ["etapa"] = f => f.StageName,
        ["product"] = f => f.Product, ["produto"] = f => f.Product,
        ["owner_name"] = f => f.OwnerName, ["vendedor"] = f => f.OwnerName, ["consultor"] = f => f.OwnerName, ["seu_nome"] = f => f.OwnerName,
        ["company"] = f => f.TemplateVariables.GetValueOrDefault("company"), ["empresa"] = f => f.TemplateVariables.GetValueOrDefault("company"),
    };

    /// <summary>What stands for an unknown company: "para a (empresa)" → "para a sua empresa", not "para a".</summary>
    private static readonly Dictionary<string, string> Fallbacks = new(StringComparer.Ordinal) { ["company"] = "your company", ["empresa"] = "sua empresa" };

    /// <summary>
    /// Replaces every known placeholder with the lead's value. Without a lead (or a value), a placeholder is dropped with the
    /// comma or space around it ("Oi, {{first_name}}!" → "Oi!"); unknown placeholders stay as written.
    /// </summary>
    public static string Fill(string text, LeadFacts? lead)
    {
        var filled = Placeholder().Replace(text, m =>
        {
            var key = LeadSearch.Fold(m.Groups["name"].Value.Trim()).Replace(' ', '_');
            if (!Known.TryGetValue(key, out var read)) return m.Value;
            return (lead is null ? null : read(lead)) ?? Fallbacks.GetValueOrDefault(key) ?? "\u0000";
        });
        if (!filled.Contains('\u0000')) return filled;
        return Dropped().Replace(filled, "").Replace("\u0000", "").Replace("  ", " ").Trim();
    }

    /// <summary>The lead's full and first name and company written back as <c>{{lead_name}}</c>, <c>{{first_name}}</c> and <c>{{company}}</c>.</summary>
    public static string Generalize(string text, LeadFacts? lead)
    {
        if (lead is null) return text;
        var result = text.Replace(lead.Name, "{{lead_name}}", StringComparison.Ordinal);
        if (lead.TemplateVariables.GetValueOrDefault("company") is { Length: > 1 } company) result = result.Replace(company, "{{company}}", StringComparison.Ordinal);
        return lead.FirstName.Length < 2 ? result : Regex.Replace(result, $@"\b{Regex.Escape(lead.FirstName)}\b", "{{first_name}}");
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[\p{L}_ ]{2,30}?)\s*\}\}|\{(?<name>[\p{L}_ ]{2,30})\}|\[(?<name>[\p{L}_ ]{2,30})\]|\((?<name>[\p{L}_ ]{2,30})\)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@",\s*\u0000|\u0000\s*,\s*|\s\u0000(?=[!?.,])")]
    private static partial Regex Dropped();
}
