namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Character-trigram closeness of question words to a text, with trigrams cut as <c>pg_trgm</c> cuts them (each word
/// padded with two spaces in front and one behind): for each question word, the largest share of its trigrams that one
/// word of the text holds (<c>word_similarity</c> within one word of the text), summed over the question's words.
/// Computed in the application over a bounded pool of chunks (ADR 025): <c>word_similarity</c> in SQL re-cut a chunk's
/// whole text for every question word, about 0.2 ms a call.
/// </summary>
public sealed class KnowledgeTrigramScore
{
    private readonly HashSet<long>[] _words;

    /// <param name="words">Folded question words (<see cref="KnowledgeText.Words"/>).</param>
    public KnowledgeTrigramScore(IEnumerable<string> words) =>
        _words = words.Distinct().Select(w => Trigrams(w).ToHashSet()).Where(s => s.Count > 0).ToArray();

    /// <summary>Σ over the question's words of the best share of the word's trigrams one word of <paramref name="foldedText"/> holds (0 … word count).</summary>
    public double Score(string foldedText)
    {
        if (_words.Length == 0) return 0;
        Span<double> best = stackalloc double[_words.Length];
        Span<int> shared = stackalloc int[_words.Length];
        var seen = new HashSet<long>();
        var start = -1;
        for (var i = 0; i <= foldedText.Length; i++)
        {
            var inWord = i < foldedText.Length && char.IsLetterOrDigit(foldedText[i]);
            if (inWord && start < 0) start = i;
            if (inWord || start < 0) continue;
            shared.Clear();
            seen.Clear();
            foreach (var trigram in Trigrams(foldedText.AsSpan(start, i - start)))
            {
                if (!seen.Add(trigram)) continue;
                for (var w = 0; w < _words.Length; w++) if (_words[w].Contains(trigram)) shared[w]++;
            }
            for (var w = 0; w < _words.Length; w++) best[w] = Math.Max(best[w], (double)shared[w] / _words[w].Count);
            start = -1;
        }
        var sum = 0.0;
        foreach (var b in best) sum += b;
        return sum;
    }

    /// <summary>The word's trigrams "  w", " wo", …, "rd " (UTF-16 units), each packed in a long.</summary>
    private static List<long> Trigrams(ReadOnlySpan<char> word)
    {
        var list = new List<long>(word.Length + 1);
        char At(ReadOnlySpan<char> w, int i) => i < 2 ? ' ' : i - 2 < w.Length ? w[i - 2] : ' ';
        for (var i = 0; i < word.Length + 1; i++) list.Add(((long)At(word, i) << 32) | ((long)At(word, i + 1) << 16) | At(word, i + 2));
        return list;
    }
}
