namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Ranks candidates: reciprocal rank fusion of the signals (Σ weight / (k + rank)), times 1 + a weight × the share of the
/// question the passage holds (<see cref="KnowledgeCandidate.Coverage"/>, and its headings), plus a share of the fused score of
/// the best other candidate from the same document (a document that answers in two passages is more likely the
/// answer), times a boost when the document is in the question's language, times a feedback factor bounded to
/// ±<see cref="KnowledgeSearchOptions.FeedbackBound"/>.
/// </summary>
public static class KnowledgeFusion
{
    /// <summary>Candidates best first, with their final score and feedback signal (the factor − 1; null when never rated).</summary>
    public static IReadOnlyList<(KnowledgeCandidate Candidate, double Score, double? Feedback)> Rank(IReadOnlyList<KnowledgeCandidate> candidates, KnowledgeSearchOptions options)
    {
        var rrf = candidates.ToDictionary(c => c.ChunkId, c => Rrf(c, options));
        // The second stage re-weighs the first stage's best RerankDepth chunks (all when 0): a passage the first stage found
        // far down keeps its place below them.
        var reranked = options.RerankDepth > 0
            ? candidates.OrderByDescending(c => rrf[c.ChunkId]).ThenBy(c => c.ChunkId).Take(options.RerankDepth).Select(c => c.ChunkId).ToHashSet()
            : null;
        var fused = candidates.ToDictionary(c => c.ChunkId, c => reranked is null || reranked.Contains(c.ChunkId)
            ? rrf[c.ChunkId] * (1 + options.CoverageWeight * c.Coverage + options.HeadingCoverageWeight * c.HeadingCoverage + options.ProximityWeight * c.Proximity)
            : rrf[c.ChunkId]);
        var perDocument = candidates.GroupBy(c => c.DocumentId).ToDictionary(g => g.Key, g => g.Select(c => fused[c.ChunkId]).OrderDescending().Take(2).ToArray());
        var documentSum = candidates.GroupBy(c => c.DocumentId).ToDictionary(g => g.Key, g => g.Sum(c => fused[c.ChunkId]));
        return candidates
            .Select(c =>
            {
                var own = fused[c.ChunkId];
                var best = perDocument[c.DocumentId];
                var other = best[0] == own ? (best.Length > 1 ? best[1] : 0) : best[0];
                var score = own + options.DocumentWeight * other + options.DocumentSumWeight * (documentSum[c.DocumentId] - own);
                if (c.InQueryLanguage == true) score *= options.LanguageBoost;
                double? feedback = null;
                if (options.UseFeedback && c.Rated)
                {
                    var factor = FeedbackFactor(c.Ups, c.Downs, options.FeedbackBound);
                    score *= factor;
                    feedback = factor - 1;
                }
                return (Candidate: c, Score: score, Feedback: feedback);
            })
            .OrderByDescending(x => x.Score).ThenBy(x => x.Candidate.LexicalRank ?? int.MaxValue).ThenBy(x => x.Candidate.ChunkId)
            .ToList();
    }

    /// <summary>
    /// 1 + bound · (ups − downs) / (ups + downs + 2): one rating moves a chunk by a third of the bound, many ratings
    /// approach the bound and never pass it, so a single click (or a flood) cannot bury nor crown a document. Ups and downs
    /// may be fractional: ratings weighed by how alike their question is to this one (<see cref="KnowledgeFeedbackSimilarity"/>).
    /// </summary>
    public static double FeedbackFactor(double ups, double downs, double bound) => 1 + bound * (ups - downs) / (ups + downs + 2.0);

    private static double Rrf(KnowledgeCandidate c, KnowledgeSearchOptions o) =>
        Part(o.LexicalWeight, c.LexicalRank, o.RrfK) + Part(o.TrigramWeight, c.TrigramRank, o.RrfK) + Part(o.VectorWeight, c.VectorRank, o.RrfK)
        + Part(o.ExpansionWeight, c.ExpansionRank, o.RrfK);

    private static double Part(double weight, int? rank, int k) => rank is { } r ? weight / (k + r) : 0;
}
