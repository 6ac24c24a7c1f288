namespace SalesCrm.Core.Knowledge;

/// <summary>One ranked chunk: its text, the document it belongs to, its heading path (outermost first) and the fused score.</summary>
public sealed record KnowledgeSearchHit(
    Guid ChunkId,
    Guid DocumentId,
    string DocumentTitle,
    KnowledgeDocumentType DocumentType,
    IReadOnlyList<string> HeadingPath,
    string Text,
    double Score,
    KnowledgeSignals Signals);
