using SalesCrm.Core.Knowledge;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>
/// Body of <c>POST /api/v1/knowledge/documents</c> (JSON, or multipart form fields beside a <c>file</c>) and of
/// <c>PATCH /api/v1/knowledge/documents/{id}</c> (every field optional).
/// </summary>
public sealed record KnowledgeDocumentRequest(
    string? Title, KnowledgeDocumentType? Type, string? Language, string? Content, IReadOnlyList<string>? Tags, KnowledgeMetadata? Metadata,
    KnowledgeDocumentStatus? Status)
{
    public KnowledgeDocumentInput ToInput() => new(Title, Type, Language, Content, Tags, Metadata, Status);
}
