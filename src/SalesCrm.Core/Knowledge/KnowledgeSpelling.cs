namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Corrects a question's misspelt words against the words of the passages search found for it ("precu" → "preco",
/// "descotno" → "desconto"): a word none of the passages holds becomes the closest word they hold, within one edit (two
/// from eight letters on; swapping two neighbours is one edit), the more frequent on a tie. The character-trigram signal
/// finds those passages despite the typo; the correction lets the full-text signal count the word as well.
/// </summary>
public static class KnowledgeSpelling
{
    /// <summary>Shortest word corrected: shorter words have too many neighbours one edit away.</summary>
    public const int MinLength = 4;

    /// <summary>Length from which two edits are allowed.</summary>
    public const int TwoEditsFrom = 8;

    /// <summary>
    /// The corrections (known words) for those of <paramref name="words"/> (folded, as <see cref="KnowledgeText.Words"/>
    /// gives them) that no passage of <paramref name="passages"/> (folded text) holds; empty when nothing needs or allows one.
    /// </summary>
    public static IReadOnlyList<string> Correct(IReadOnlyList<string> words, IReadOnlyList<string> passages)
    {
        var unknown = words.Distinct(StringComparer.Ordinal)
            .Where(w => w.Length >= MinLength && !w.Any(char.IsDigit) && !KnowledgeLexicon.Stopwords.Contains(w))
            .Where(w => !passages.Any(p => p.Contains(w, StringComparison.Ordinal)))
            .ToList();
        if (unknown.Count == 0) return [];
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var passage in passages)
            foreach (var w in KnowledgeText.Words(passage)) vocabulary[w] = vocabulary.GetValueOrDefault(w) + 1;
        var corrections = new List<string>();
        foreach (var word in unknown)
        {
            var limit = word.Length >= TwoEditsFrom ? 2 : 1;
            string? best = null;
            var (bestDistance, bestCount) = (int.MaxValue, 0);
            foreach (var (known, count) in vocabulary)
            {
                if (known.Length < MinLength || Math.Abs(known.Length - word.Length) > limit) continue;
                var d = Distance(word, known, limit);
                if (d > limit || d > bestDistance || (d == bestDistance && count <= bestCount)) continue;
                (best, bestDistance, bestCount) = (known, d, count);
            }
            if (best is not null) corrections.Add(best);
        }
        return corrections;
    }

    /// <summary>Optimal string alignment distance (insert, delete, substitute, swap two neighbours); limit + 1 once every alignment exceeds limit.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[a.Length, b.Length];
    }
}
