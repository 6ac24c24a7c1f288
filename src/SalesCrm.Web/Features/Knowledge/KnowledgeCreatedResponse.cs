using SalesCrm.Core.Knowledge;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>Answer of <c>POST /api/v1/knowledge/documents</c> (201).</summary>
public sealed record KnowledgeCreatedResponse(Guid Id, string Title, KnowledgeDocumentType Type, string Language, KnowledgeDocumentStatus Status, int Version, int ChunkCount)
{
    public static KnowledgeCreatedResponse From(KnowledgeDocumentDto d) => new(d.Id, d.Title, d.Type, d.Language, d.Status, d.Version, d.ChunkCount);
}
