using SalesCrm.Core.Knowledge;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>Body of <c>POST /api/v1/knowledge/chunks</c> (document_id and text required) and <c>PATCH …/chunks/{id}</c>.</summary>
public sealed record KnowledgeChunkRequest(Guid? DocumentId, string? Text, IReadOnlyList<string>? HeadingPath, bool? Enabled)
{
    public KnowledgeChunkInput ToInput() => new(DocumentId, Text, HeadingPath, Enabled);
}
