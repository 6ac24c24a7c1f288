namespace SalesCrm.Core.Knowledge;

/// <summary>
/// "Has a current vector": a stored embedding of the configured model whose source key is the chunk's present
/// <see cref="KnowledgeChunk.EmbeddingKey"/>. One definition for the job, the progress, the chunk list and its filter.
/// </summary>
internal static class KnowledgeEmbeddingQueries
{
    public static IQueryable<KnowledgeChunk> WithCurrentVector(this IQueryable<KnowledgeChunk> chunks, IQueryable<KnowledgeChunkEmbedding> embeddings, string model) =>
        chunks.Where(c => embeddings.Any(e => e.ChunkId == c.Id && e.Model == model && e.SourceKey == c.EmbeddingKey));

    public static IQueryable<KnowledgeChunk> WithoutCurrentVector(this IQueryable<KnowledgeChunk> chunks, IQueryable<KnowledgeChunkEmbedding> embeddings, string model) =>
        chunks.Where(c => !embeddings.Any(e => e.ChunkId == c.Id && e.Model == model && e.SourceKey == c.EmbeddingKey));
}
