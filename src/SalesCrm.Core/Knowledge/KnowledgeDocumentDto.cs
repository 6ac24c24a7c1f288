namespace SalesCrm.Core.Knowledge;

/// <summary>A document as the API and the page show it; <see cref="Content"/> only when one document is read.</summary>
public sealed record KnowledgeDocumentDto(
    Guid Id,
    string Title,
    KnowledgeDocumentType Type,
    string Language,
    KnowledgeDocumentStatus Status,
    int Version,
    int ChunkCount,
    IReadOnlyList<string> Tags,
    KnowledgeMetadata Metadata,
    string? SourceFileName,
    string? SourceMediaType,
    Guid? CreatedBy,
    Guid? UpdatedBy,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? Content = null);
