namespace SalesCrm.Core.Knowledge;

/// <summary>Fields of a document to create (title, type, content required) or to change (null = unchanged).</summary>
public sealed record KnowledgeDocumentInput(
    string? Title = null,
    KnowledgeDocumentType? Type = null,
    string? Language = null,
    string? Content = null,
    IReadOnlyList<string>? Tags = null,
    KnowledgeMetadata? Metadata = null,
    KnowledgeDocumentStatus? Status = null,
    string? SourceFileName = null,
    string? SourceMediaType = null);
