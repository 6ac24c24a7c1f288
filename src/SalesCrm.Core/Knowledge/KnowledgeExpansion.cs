namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Pseudo-relevance feedback: the terms that characterise the passages a first search ranked best, learned from the
/// workspace's own chunks, so a question worded unlike its answer ("o cliente disse sim") also meets the answer's other
/// words. A term scores Σ over the top passages of its share of the passage's terms × its idf (rare in the workspace,
/// frequent in the passages); question terms, and terms only one passage of the workspace holds, are left out.
/// </summary>
public static class KnowledgeExpansion
{
    /// <summary>
    /// Up to <paramref name="count"/> expansion terms, best first, from <paramref name="passages"/> (each the analysed
    /// terms of one top passage, best passage first); <paramref name="idf"/> holds the workspace's idf and
    /// <paramref name="chunks"/> its chunk counts for those terms.
    /// </summary>
    public static IReadOnlyList<string> Terms(IReadOnlyList<IReadOnlyList<string>> passages, IReadOnlyDictionary<string, double> idf,
        IReadOnlyDictionary<string, int> chunks, IReadOnlyCollection<string> question, int count)
    {
        if (count <= 0 || passages.Count == 0) return [];
        var skip = question.ToHashSet(StringComparer.Ordinal);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var passage in passages)
        {
            if (passage.Count == 0) continue;
            foreach (var group in passage.GroupBy(t => t, StringComparer.Ordinal))
            {
                var term = group.Key;
                if (skip.Contains(term) || !idf.TryGetValue(term, out var w) || chunks.GetValueOrDefault(term) < 2) continue;
                scores[term] = scores.GetValueOrDefault(term) + (double)group.Count() / passage.Count * w;
            }
        }
        return scores.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Take(count).Select(x => x.Key).ToList();
    }
}
