using System.Text;

namespace SalesCrm.Core.Common.Filtering;

/// <summary>
/// SQL LIKE in C#, with PostgreSQL's rules: <c>%</c> any text, <c>_</c> one character (code point), <c>\</c> escapes the
/// next character; case-sensitive, or case-insensitive over all of Unicode (invariant lower case) for ILIKE. SQLite
/// runs it as <c>crm_like</c>/<c>crm_ilike</c>, because its own LIKE folds ASCII letters only and is never case-sensitive.
/// </summary>
public static class LikeMatcher
{
    public static bool IsMatch(string value, string pattern, bool ignoreCase)
    {
        if (ignoreCase)
        {
            value = Fold(value);
            pattern = Fold(pattern);
        }
        var text = Runes(value);
        var tokens = Tokens(pattern);
        int t = 0, p = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < tokens.Count && tokens[p] != Any && (tokens[p] == One || tokens[p] == text[t])) { t++; p++; }
            else if (p < tokens.Count && tokens[p] == Any) { star = p++; resume = t; }
            else if (star >= 0) { p = star + 1; t = ++resume; }
            else return false;
        }
        while (p < tokens.Count && tokens[p] == Any) p++;
        return p == tokens.Count;
    }

    /// <summary>The Unicode case fold both providers use for ilike: invariant lower case.</summary>
    public static string Fold(string text) => text.ToLowerInvariant();

    private const int Any = -1;
    private const int One = -2;

    private static int[] Runes(string text) => text.EnumerateRunes().Select(r => r.Value).ToArray();

    private static List<int> Tokens(string pattern)
    {
        var tokens = new List<int>(pattern.Length);
        var escaped = false;
        foreach (var rune in pattern.EnumerateRunes())
        {
            if (escaped) { tokens.Add(rune.Value); escaped = false; continue; }
            switch (rune.Value)
            {
                case '\\': escaped = true; break;
                case '%': if (tokens.Count == 0 || tokens[^1] != Any) tokens.Add(Any); break;
                case '_': tokens.Add(One); break;
                default: tokens.Add(rune.Value); break;
            }
        }
        return tokens;
    }
}
