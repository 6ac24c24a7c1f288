using SalesCrm.Core.Knowledge;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>Body of <c>POST /api/v1/knowledge/search</c>.</summary>
public sealed record KnowledgeSearchBody(string? Query, IReadOnlyList<KnowledgeDocumentType>? Types, IReadOnlyList<string>? Tags, int? Limit)
{
    public KnowledgeSearchRequest ToRequest() => new(Query ?? "", Types, Tags, Limit ?? 10);
}

/// <summary>Answer of <c>POST /api/v1/knowledge/search</c>: ranked chunks, best first.</summary>
public sealed record KnowledgeSearchResponse(IReadOnlyList<KnowledgeSearchItem> Items);

/// <summary>One ranked chunk with the score of each signal (<c>vector</c> and <c>feedback</c> null when absent).</summary>
public sealed record KnowledgeSearchItem(
    Guid ChunkId, Guid DocumentId, string DocumentTitle, KnowledgeDocumentType DocumentType, IReadOnlyList<string> HeadingPath, string Text, double Score,
    KnowledgeSignals Signals)
{
    public static KnowledgeSearchItem From(KnowledgeSearchHit h) => new(h.ChunkId, h.DocumentId, h.DocumentTitle, h.DocumentType, h.HeadingPath, h.Text, h.Score, h.Signals);
}
