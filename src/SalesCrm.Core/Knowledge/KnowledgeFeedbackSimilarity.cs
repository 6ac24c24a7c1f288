namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Question-aware feedback (ADR 034): a chunk's ratings are stored with the analysed terms of the question they were given
/// for, and a new question gets each rating in proportion to how alike the two questions are — the idf-weighted Jaccard
/// of their terms — so a chunk liked for "tá caro" rises for "achei caro demais" and stays put for "como funciona a
/// garantia". The factor stays within ±<see cref="KnowledgeSearchOptions.FeedbackBound"/> however many ratings.
/// </summary>
public static class KnowledgeFeedbackSimilarity
{
    /// <summary>Longest stored question key, in characters (terms past it are left out).</summary>
    public const int KeyLength = 400;

    /// <summary>
    /// The stored form of a question: its distinct analysed terms (<see cref="KnowledgeText.Terms"/>), sorted, space-separated,
    /// cut at a term boundary to <see cref="KeyLength"/>; <c>""</c> for a null or blank question.
    /// </summary>
    public static string Key(string? question)
    {
        if (string.IsNullOrWhiteSpace(question)) return "";
        var key = "";
        foreach (var term in KnowledgeText.Terms(question).Distinct().Order(StringComparer.Ordinal))
        {
            var next = key.Length == 0 ? term : key + " " + term;
            if (next.Length > KeyLength) break;
            key = next;
        }
        return key;
    }

    /// <summary>The terms of a stored key (<see cref="Key"/>).</summary>
    public static string[] Terms(string key) => key.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// How alike a question (<paramref name="terms"/>) and a rated question (<paramref name="rated"/> key) are, 0 … 1:
    /// Σ idf of the terms both hold ÷ Σ idf of the terms either holds, terms the workspace never holds weighing 1. A rating
    /// whose question is unknown (<c>""</c>) counts fully for every question (1).
    /// </summary>
    public static double Of(IReadOnlyCollection<string> terms, string rated, IReadOnlyDictionary<string, double> idf)
    {
        if (rated.Length == 0) return 1;
        var a = terms.ToHashSet(StringComparer.Ordinal);
        var b = Terms(rated).ToHashSet(StringComparer.Ordinal);
        double both = 0, either = 0;
        foreach (var t in a.Union(b))
        {
            var w = idf.TryGetValue(t, out var x) ? x : 1;
            either += w;
            if (a.Contains(t) && b.Contains(t)) both += w;
        }
        return either > 0 ? both / either : 0;
    }

    /// <summary>
    /// The ratings of one chunk as the question sees them: ups and downs each weighed by <see cref="Of"/>, similarities below
    /// <paramref name="threshold"/> counting for nothing.
    /// </summary>
    public static (double Ups, double Downs) Weigh(IEnumerable<KnowledgeChunkFeedback> ratings, IReadOnlyCollection<string> terms,
        IReadOnlyDictionary<string, double> idf, double threshold)
    {
        double ups = 0, downs = 0;
        foreach (var r in ratings)
        {
            var s = Of(terms, r.Question, idf);
            if (s < threshold || s <= 0) continue;
            ups += s * r.Ups;
            downs += s * r.Downs;
        }
        return (ups, downs);
    }
}
