using SalesCrm.Core.Common;
using System.Globalization;
using System.Text;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// The analysis both sides of a search go through, so a question typed without accents, in chat spelling or in another
/// inflection meets the playbook's wording: fold (lower case, no accents), split into words, spell out chat
/// abbreviations (<c>vc</c>, <c>tá</c>, <c>pq</c>), drop stopwords (pt, en, es), stem lightly (plural, gender, common
/// verb and noun endings) and add a concept term for words of one sales concept (price, time to think, guarantee…;
/// <see cref="KnowledgeConcepts"/>). Same code on SQLite and PostgreSQL: the index stores the result.
/// </summary>
public static class KnowledgeText
{
    /// <summary>Lower case without diacritics; <c>ç</c> → <c>c</c>; NFC input or not.</summary>
    public static string Fold(string text) => UnicodeText.Fold(text);

    /// <summary>
    /// Folded words (letters and digits), chat abbreviations spelled out; stopwords kept. A hyphenated word gives its
    /// joined form and its parts ("e-mail" → email, e, mail), so either spelling meets it.
    /// </summary>
    public static IEnumerable<string> Words(string text)
    {
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && (char.IsLetterOrDigit(folded[i])
                || (folded[i] == '-' && start >= 0 && i + 1 < folded.Length && char.IsLetterOrDigit(folded[i + 1])));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                var word = folded[start..i];
                start = -1;
                if (word.Contains('-'))
                {
                    yield return word.Replace("-", "");
                    foreach (var part in word.Split('-')) yield return part;
                    continue;
                }
                foreach (var spelled in (KnowledgeLexicon.ChatSpelling.TryGetValue(word, out var full) ? full : word).Split(' '))
                    yield return spelled;
            }
        }
    }

    /// <summary>The index terms of <paramref name="text"/>: stems of its content words, each followed by its concept term when it has one.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var word in Words(text))
        {
            if (KnowledgeLexicon.Stopwords.Contains(word)) continue;
            var stem = Stem(word);
            terms.Add(stem);
            if (KnowledgeConcepts.Of(stem) is { } concept) terms.Add(concept);
        }
        return terms;
    }


    /// <summary>
    /// The version of the analysis (<see cref="Terms"/>: folding, chat spellings, stopwords, stems, concept terms). Bump it
    /// with any change that alters the terms of some text: chunks stamped with an older version
    /// (<see cref="KnowledgeChunk.AnalyserVersion"/>) are re-analysed in the background after the next start
    /// (<see cref="KnowledgeReanalysis"/>); with the same version nothing is read again.
    /// </summary>
    public const int AnalyserVersion = 1;

    /// <summary>The terms as one space-separated string (what the full-text index stores).</summary>
    public static string Analyze(string text) => string.Join(' ', Terms(text));

    /// <summary>
    /// A light stemmer for Portuguese (and, where endings do not collide, English and Spanish): plural, then one common
    /// verb or noun ending, then a final vowel, keeping at least three letters. Not linguistically exact; consistent,
    /// which is what matching needs.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit)) return word;
        var w = Plural(word);
        foreach (var suffix in KnowledgeLexicon.Suffixes)
        {
            if (w.Length - suffix.Length >= 3 && w.EndsWith(suffix, StringComparison.Ordinal)) { w = w[..^suffix.Length]; break; }
        }
        if (w.Length > 3 && w[^1] is 'a' or 'e' or 'o') w = w[..^1];
        return w;
    }

    private static string Plural(string w)
    {
        if (w.EndsWith("oes", StringComparison.Ordinal) || w.EndsWith("aes", StringComparison.Ordinal)) return w[..^3] + "ao";
        if (w.EndsWith("ais", StringComparison.Ordinal)) return w[..^3] + "al";
        if (w.EndsWith("eis", StringComparison.Ordinal) && w.Length > 4) return w[..^3] + "el";
        if (w.EndsWith("ns", StringComparison.Ordinal)) return w[..^2] + "m";
        if (w.EndsWith("res", StringComparison.Ordinal) || w.EndsWith("zes", StringComparison.Ordinal) || w.EndsWith("ses", StringComparison.Ordinal)) return w[..^2];
        if (w.EndsWith("ss", StringComparison.Ordinal)) return w;
        return w.EndsWith('s') ? w[..^1] : w;
    }
}
