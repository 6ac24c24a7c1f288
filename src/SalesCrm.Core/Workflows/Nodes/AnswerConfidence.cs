using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// How sure the bot can be that the knowledge base answers a question, 0 … 1: the share of the question's content terms
/// (stems and concept terms, <see cref="KnowledgeText.Terms"/>) that the best of the first passages holds in its heading
/// path and text. Retrieval scores are rank-fused and not comparable across questions; coverage is, and it is what a
/// person would check first ("does this passage even talk about what was asked?").
/// </summary>
public static class AnswerConfidence
{
    /// <summary>How many of the first passages are looked at.</summary>
    public const int Passages = 3;

    public static double Of(string question, IReadOnlyList<KnowledgeSearchHit> hits)
    {
        var asked = KnowledgeText.Terms(question).ToHashSet(StringComparer.Ordinal);
        if (asked.Count == 0 || hits.Count == 0) return 0;
        return hits.Take(Passages).Max(hit =>
        {
            var held = KnowledgeText.Terms(string.Join(' ', hit.HeadingPath) + " " + hit.Text).ToHashSet(StringComparer.Ordinal);
            return (double)asked.Count(held.Contains) / asked.Count;
        });
    }
}
