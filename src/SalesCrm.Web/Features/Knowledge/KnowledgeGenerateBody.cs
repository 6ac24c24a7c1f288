namespace SalesCrm.Web.Features.Knowledge;

/// <summary>Body of <c>POST /api/v1/knowledge/embeddings/generate</c> (optional): <c>regenerate</c> embeds every chunk again, not only the pending ones.</summary>
public sealed record KnowledgeGenerateBody(bool? Regenerate);
