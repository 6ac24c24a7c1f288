namespace SalesCrm.Core.Knowledge;

/// <summary>
/// A second-stage ranking feature: whether the passage says the question's words together. Each pair of neighbouring
/// question terms (concept terms left out) that the passage holds within <see cref="Window"/> terms of each other counts
/// with the smaller idf of the two; the sum is divided by that of every pair (0 … 1). A passage where "plano" and "anual"
/// stand side by side is about the annual plan; one that mentions a plan here and a year there is less likely to be.
/// </summary>
public static class KnowledgeProximity
{
    /// <summary>Largest distance, in analysed terms, at which two question terms count as said together.</summary>
    public const int Window = 3;

    /// <summary>
    /// The proximity of <paramref name="question"/> (analysed terms in order) in <paramref name="passage"/> (analysed terms
    /// in order, as stored); 0 when the question has no pair of terms the workspace knows (<paramref name="idf"/>).
    /// </summary>
    public static double Of(IReadOnlyList<string> question, IReadOnlyList<string> passage, IReadOnlyDictionary<string, double> idf)
    {
        var q = question.Where(t => !KnowledgeConcepts.IsConcept(t) && idf.ContainsKey(t)).ToList();
        if (q.Count < 2) return 0;
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var p = 0;
        foreach (var term in passage)
        {
            if (KnowledgeConcepts.IsConcept(term)) continue;
            if (!positions.TryGetValue(term, out var list)) positions[term] = list = [];
            list.Add(p++);
        }
        double total = 0, found = 0;
        for (var i = 0; i + 1 < q.Count; i++)
        {
            if (q[i] == q[i + 1]) continue;
            var w = Math.Min(idf[q[i]], idf[q[i + 1]]);
            total += w;
            if (positions.TryGetValue(q[i], out var a) && positions.TryGetValue(q[i + 1], out var b) && Near(a, b)) found += w;
        }
        return total > 0 ? found / total : 0;
    }

    private static bool Near(List<int> a, List<int> b)
    {
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            if (Math.Abs(a[i] - b[j]) <= Window) return true;
            if (a[i] < b[j]) i++; else j++;
        }
        return false;
    }
}
