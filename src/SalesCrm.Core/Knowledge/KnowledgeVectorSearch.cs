using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// The vector signal without a vector extension (ADR 018), the same on SQLite and PostgreSQL: the question's vector
/// (<see cref="KnowledgeQueryVectors"/>) is compared by dot product with every stored vector of the workspace for the
/// configured model (<see cref="KnowledgeVectorCache"/>, SIMD), and the best entries are checked against the chunks: only
/// published, enabled chunks of the workspace whose text is still the one embedded count. Without a provider, or while it
/// fails, it finds nothing and search stays lexical. A pgvector implementation would be another <see cref="IKnowledgeVectorSearch"/>.
/// </summary>
public sealed class KnowledgeVectorSearch(
    IDbContextFactory<CrmDbContext> dbFactory, KnowledgeEmbeddingModel model, KnowledgeQueryVectors queries, KnowledgeVectorCache cache) : IKnowledgeVectorSearch
{
    public async Task<IReadOnlyList<KnowledgeIndexHit>> NearestAsync(Guid tenantId, string query, int limit, CancellationToken ct)
    {
        if (!model.Configured) return [];
        var name = model.Name;
        if (await queries.GetAsync(query, ct) is not { } vector) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var set = await cache.GetAsync(db, tenantId, name, ct);
        if (set.Count == 0) return [];
        var nearest = set.Nearest(vector, Math.Min(set.Count, limit * 2 + 10));
        var ids = nearest.Select(n => n.Id).Distinct().ToList();
        // By primary key only, the workspace checked here: with a tenant condition in SQL, SQLite's planner prefers the
        // tenant index and reads every chunk of the workspace (190 ms at 100,000 chunks). The set itself was read under the
        // tenant filter, so it holds this workspace's vectors only.
        var chunks = await db.KnowledgeChunks.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.TenantId, c.EmbeddingKey, c.Searchable }).ToDictionaryAsync(c => c.Id, ct);
        bool Current(Guid id, long key) => chunks.TryGetValue(id, out var c) && c.TenantId == tenantId && c.EmbeddingKey == key;
        // Mostly stale entries at the top (chunks deleted, or embedded again since the set was read): read it whole next time.
        if (nearest.Count(n => !Current(n.Id, n.Key)) * 2 > nearest.Count) cache.Invalidate(tenantId, name);
        return nearest.Where(n => Current(n.Id, n.Key) && chunks[n.Id].Searchable).DistinctBy(n => n.Id).Take(limit)
            .Select(n => new KnowledgeIndexHit { ChunkId = n.Id, Score = Math.Round(n.Score, 6) }).ToList();
    }
}
