using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace SalesCrm.Core.Common;

/// <summary>
/// Text is stored and compared in Unicode Normalization Form C (composed: "ã" is one character), whatever form it was
/// typed or sent in. macOS, some keyboards and some integrations send NFD ("a" + combining tilde), which looks the same
/// but would not match an <c>eq</c>, <c>like</c> or <c>ilike</c> filter typed in the usual composed form.
/// </summary>
public static class UnicodeText
{
    /// <summary><paramref name="text"/> in NFC (the same instance when it already is, or when it holds an unpaired surrogate and has no normal form).</summary>
    public static string Nfc(string text)
    {
        try { return text.IsNormalized() ? text : text.Normalize(); }
        catch (ArgumentException) { return text; }
    }

    /// <summary>
    /// Lower case without diacritics, in NFC ("ÉRICA Gonçalves" → "erica goncalves", "Joa\u0303o" → "joao"): how
    /// search text, knowledge analysis, triage and the folded filter columns compare text, so all fold alike (the SQL
    /// side is <see cref="Filtering.SqlText.Fold"/>).
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var folded = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>
    /// Puts every text property an added or modified row writes into NFC, on every door (API, pages, webhooks, import)
    /// since all of them save through here. <paramref name="verbatim"/> rows (stored webhook bodies) are left as received.
    /// </summary>
    internal static void Normalize(EntityEntry entry, bool verbatim)
    {
        if (verbatim) return;
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.ClrType != typeof(string) || property.CurrentValue is not string text) continue;
            if (entry.State != EntityState.Added && !property.IsModified) continue;
            var normal = Nfc(text);
            if (!ReferenceEquals(normal, text)) property.CurrentValue = normal;
        }
    }
}
