using System.Text;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// Text from leads and integrations may hold an unpaired surrogate (a cut emoji), which Unicode normalization refuses
/// with an exception: these helpers replace it with U+FFFD first, so folding never throws.
/// </summary>
public static class SafeText
{
    /// <summary><paramref name="text"/> with every unpaired surrogate replaced by U+FFFD (the same instance when there is none).</summary>
    public static string Clean(string text)
    {
        var bad = false;
        for (var i = 0; i < text.Length && !bad; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) bad = true;
        }
        if (!bad) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) result.Append(text[i]).Append(text[++i]);
            else result.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
        }
        return result.ToString();
    }

    /// <summary><see cref="UnicodeText.Fold"/> (lower case, no accents, NFC) of the cleaned text.</summary>
    public static string Fold(string text) => UnicodeText.Fold(Clean(text));
}
