namespace SalesCrm.Core.Knowledge;

/// <summary>
/// A chunk's vector from one embedding model (table <c>knowledge_chunk_embeddings</c>, keyed by chunk, deleted with it).
/// It counts only while <see cref="SourceKey"/> equals the chunk's <see cref="KnowledgeChunk.EmbeddingKey"/> and
/// <see cref="Model"/> is the configured model: an edited or re-titled chunk, or a change of model, makes it stale until
/// the background job embeds the chunk again (ADR 018).
/// </summary>
public sealed class KnowledgeChunkEmbedding : Common.ITenantOwned
{
    public Guid ChunkId { get; set; }
    public Guid TenantId { get; set; }
    /// <summary>The model's stored name (<see cref="KnowledgeEmbeddingOptions.ModelName"/>).</summary>
    public required string Model { get; set; }
    public int Dimensions { get; set; }
    /// <summary><see cref="EmbeddingVector"/> bytes: little-endian float32, unit length.</summary>
    public required byte[] Vector { get; set; }
    /// <summary>The chunk's <see cref="KnowledgeChunk.EmbeddingKey"/> when its text was embedded.</summary>
    public long SourceKey { get; set; }
    public DateTime CreatedAt { get; set; }
}
