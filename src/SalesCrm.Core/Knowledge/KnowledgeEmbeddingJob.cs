using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// One round of the background embedding job, across every workspace: takes searchable chunks without a current vector of
/// the configured model (none, another model's, or one of text since edited), asks the model for their vectors outside
/// any transaction, then writes them in one short transaction. What is pending is read from the data each round, so a
/// restart simply continues, and a chunk edited while its vector was computed stays pending.
/// </summary>
public sealed class KnowledgeEmbeddingJob(IDbContextFactory<CrmDbContext> dbFactory, KnowledgeEmbeddingModel model, TimeProvider time)
{
    /// <summary>Embeds up to <paramref name="max"/> pending chunks; returns how many it took (fewer than max: nothing else is pending).</summary>
    /// <exception cref="Exception">Whatever the provider throws (unreachable, 5xx, timeout): nothing is written, the chunks stay pending.</exception>
    public async Task<int> RunBatchAsync(int max, CancellationToken ct)
    {
        if (!model.Configured) return 0;
        var name = model.Name;
        List<Pending> batch;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            batch = await PendingChunks(db, name).OrderBy(c => c.Id)
                .Join(db.KnowledgeDocuments.IgnoreQueryFilters(), c => c.DocumentId, d => d.Id,
                    (c, d) => new Pending(c.Id, c.TenantId, c.EmbeddingKey, d.Title, c.HeadingPath, c.Text))
                .Take(max).ToListAsync(ct);
        }
        if (batch.Count == 0) return 0;

        var vectors = await model.EmbedAsync(batch.Select(p => KnowledgeEmbeddingText.For(p.Title, p.HeadingPath, p.Text)).ToList(), ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ids = batch.Select(p => p.ChunkId).ToList();
            // A chunk deleted meanwhile gets no vector (its row would break the foreign key).
            var alive = (await db.KnowledgeChunks.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
            var existing = await db.KnowledgeChunkEmbeddings.IgnoreQueryFilters().Where(e => ids.Contains(e.ChunkId)).ToDictionaryAsync(e => e.ChunkId, ct);
            for (var i = 0; i < batch.Count; i++)
            {
                var p = batch[i];
                if (!alive.Contains(p.ChunkId)) continue;
                if (!existing.TryGetValue(p.ChunkId, out var row))
                {
                    row = new KnowledgeChunkEmbedding { ChunkId = p.ChunkId, TenantId = p.TenantId, Model = name, Vector = [] };
                    db.KnowledgeChunkEmbeddings.Add(row);
                }
                row.Model = name;
                row.Dimensions = vectors[i].Length;
                row.Vector = EmbeddingVector.ToBytes(vectors[i]);
                row.SourceKey = p.Key;
                row.CreatedAt = now;
            }
            await db.SaveChangesAsync(ct);
        }
        return batch.Count;
    }

    /// <summary>Searchable chunks (any workspace) without a current vector of <paramref name="modelName"/>.</summary>
    private static IQueryable<KnowledgeChunk> PendingChunks(CrmDbContext db, string modelName) =>
        db.KnowledgeChunks.IgnoreQueryFilters().Where(c => c.Searchable).WithoutCurrentVector(db.KnowledgeChunkEmbeddings.IgnoreQueryFilters(), modelName);

    private sealed record Pending(Guid ChunkId, Guid TenantId, long Key, string Title, List<string> HeadingPath, string Text);
}
