using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Copilot;

/// <summary>Text rules the copilot shares: normalized context for the cache, word stems for matching, sentence splitting.</summary>
public static partial class CopilotText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "o", "as", "os", "um", "uma", "de", "da", "do", "das", "dos", "e", "em", "no", "na", "nos", "nas", "que", "se", "por", "para", "pra",
        "com", "sem", "ao", "aos", "eu", "voce", "vc", "ele", "ela", "me", "te", "lhe", "isso", "isto", "esse", "essa", "este", "esta", "ta", "tá",
        "the", "an", "of", "to", "in", "on", "for", "and", "or", "is", "it", "you", "i", "we", "be", "are", "this", "that", "my", "your", "mas", "muito",
        "mais", "ja", "so", "nao", "sim", "bem", "tudo", "como", "qual", "quando", "seu", "sua", "meu", "minha", "ou",
    };

    /// <summary>Lower case, accents folded, punctuation dropped, single spaces: "Tá CARO!!" → "ta caro". Identical requests share it.</summary>
    public static string Normalize(string? text) => string.Join(' ', Words(text ?? ""));

    /// <summary>SHA-256 hex of the parts joined by a separator.</summary>
    public static string Hash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? "")))));

    /// <summary>Folded words of the text (letters and digits).</summary>
    public static IEnumerable<string> Words(string text) => WordPattern().Matches(LeadSearch.Fold(text)).Select(m => m.Value);

    /// <summary>
    /// Content-word stems: folded words without stop words, cut to 5 letters so inflections meet ("pensar"/"pensando",
    /// "parcelas"/"parcelamento").
    /// </summary>
    public static HashSet<string> Stems(string text) =>
        Words(text).Where(w => w.Length > 1 && !StopWords.Contains(w)).Select(w => w.Length > 5 ? w[..5] : w).ToHashSet(StringComparer.Ordinal);

    /// <summary>Sentences of a passage in order, Markdown markers removed; heading lines are left out.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        var result = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            line = ListMarker().Replace(line, "").Replace("**", "").Replace("__", "").Trim();
            foreach (var sentence in SentenceEnd().Split(line))
                if (sentence.Trim() is { Length: > 1 } s) result.Add(s);
        }
        return result;
    }

    /// <summary>The text cut to <paramref name="max"/> characters at a word boundary.</summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd(',', ';', ' ') + "…";
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^([-*•>]+|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?<=[.!?…][""”']?)\s+(?=[\p{Lu}""“'(¿¡])")]
    private static partial Regex SentenceEnd();
}
