namespace SalesCrm.Core.Knowledge;

/// <summary>
/// A second-stage ranking feature: how much of the question a passage holds, each question term weighed by its inverse
/// document frequency in the workspace (<see cref="KnowledgeTermPlan.Idf"/>). BM25 over OR-ed terms lets one rare word
/// outweigh the rest of the question; coverage prefers the passage that answers all of it.
/// </summary>
public static class KnowledgeQueryCoverage
{
    /// <summary>
    /// Σ idf of the question's <paramref name="terms"/> that <paramref name="held"/> contains ÷ Σ idf of those the workspace
    /// knows (0 … 1; 0 when it knows none). Terms the workspace never holds (typos, other businesses' words) count for nothing.
    /// </summary>
    public static double Of(IReadOnlyCollection<string> terms, IReadOnlyDictionary<string, double> idf, IReadOnlySet<string> held)
    {
        double total = 0, found = 0;
        foreach (var term in terms.Distinct())
        {
            if (!idf.TryGetValue(term, out var w)) continue;
            total += w;
            if (held.Contains(term)) found += w;
        }
        return total > 0 ? found / total : 0;
    }

    /// <summary>The analysed terms of a chunk's search columns (<see cref="KnowledgeChunk.SearchHeading"/>, <see cref="KnowledgeChunk.SearchBody"/>).</summary>
    public static HashSet<string> Terms(params string[] analysed) =>
        analysed.SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
}
