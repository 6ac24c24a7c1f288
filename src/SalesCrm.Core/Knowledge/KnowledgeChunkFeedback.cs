namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Ratings of suggestions that cited a chunk, counted per workspace and per question: <see cref="Question"/> holds the
/// analysed terms of the question the suggestion answered (<see cref="KnowledgeFeedbackSimilarity.Key"/>), so a rating
/// moves the chunk for questions like that one (<see cref="KnowledgeFeedbackSimilarity"/>). <c>""</c> = the question is
/// unknown (ratings stored before questions were, or a caller that has none): those count for every question.
/// </summary>
public sealed class KnowledgeChunkFeedback : Common.ITenantOwned
{
    public Guid ChunkId { get; set; }
    public string Question { get; set; } = "";
    public Guid TenantId { get; set; }
    public int Ups { get; set; }
    public int Downs { get; set; }
    public DateTime UpdatedAt { get; set; }
}
