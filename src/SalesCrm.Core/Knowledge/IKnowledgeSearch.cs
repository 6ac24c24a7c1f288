namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Hybrid retrieval over the current workspace's published knowledge base (full text, character trigrams, vectors when
/// embeddings exist, and the workspace's feedback), fused by reciprocal rank fusion. The copilot and the search API
/// both go through it.
/// </summary>
public interface IKnowledgeSearch
{
    /// <summary>Ranked chunks for a question, best first; at most <see cref="KnowledgeSearchRequest.Limit"/>.</summary>
    /// <exception cref="SalesCrm.Core.Common.ValidationException">Empty query or a limit outside 1–50.</exception>
    /// <exception cref="SalesCrm.Core.Common.ForbiddenException">The caller lacks <c>copilot.use</c>.</exception>
    Task<IReadOnlyList<KnowledgeSearchHit>> SearchAsync(KnowledgeSearchRequest request, CancellationToken ct = default);

    /// <summary>
    /// Records a rating of a suggestion built from these chunks: liked chunks rank higher and disliked lower for this
    /// workspace, within a bound so one rating cannot bury a document. Chunks of other workspaces are ignored.
    /// </summary>
    /// <param name="question">
    /// The question the suggestion answered (the query the chunks were retrieved with): the rating then moves the chunks for
    /// questions like it, in proportion to how alike they are (<see cref="KnowledgeFeedbackSimilarity"/>). Null = unknown:
    /// the rating counts for every question.
    /// </param>
    Task RecordFeedbackAsync(IReadOnlyCollection<Guid> chunkIds, bool positive, string? question = null, CancellationToken ct = default);
}
