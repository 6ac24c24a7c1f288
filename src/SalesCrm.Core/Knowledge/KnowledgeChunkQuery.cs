namespace SalesCrm.Core.Knowledge;

/// <summary>Filters of the chunk list: one document, enabled or not, with or without an embedding (<c>embedding=is.null</c>).</summary>
public sealed record KnowledgeChunkQuery(Guid? DocumentId = null, bool? Enabled = null, bool? HasEmbedding = null);
