using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Workspaces' vectors kept in memory between searches (ADR 018). Each search asks the database only for the newest
/// stored row's time (an index seek): unchanged, the set is used as it is; newer rows are read and appended as a segment.
/// A set is read in full again when it was found full of stale entries (<see cref="Invalidate"/>) or is older than
/// <see cref="MaxAge"/> and changed. Sets least recently used are dropped past the memory budget.
/// </summary>
public sealed class KnowledgeVectorCache(TimeProvider time)
{
    /// <summary>How long a set lives before a change reads it whole again (drops deleted and replaced entries).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(15);

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public volatile KnowledgeVectorSet? Set;
        public volatile bool Invalid;
        public long LastUsed;
    }

    private readonly ConcurrentDictionary<(Guid Tenant, string Model), Entry> _entries = new();

    /// <summary>Most bytes of vectors kept across workspaces (default 1 GB); the set in use is kept whatever its size.</summary>
    public long BudgetBytes { get; set; } = 1L << 30;

    /// <summary>The workspace's vectors of <paramref name="model"/>, current to the last committed row.</summary>
    public async Task<KnowledgeVectorSet> GetAsync(CrmDbContext db, Guid tenantId, string model, CancellationToken ct)
    {
        var entry = _entries.GetOrAdd((tenantId, model), _ => new Entry());
        entry.LastUsed = time.GetTimestamp();
        var rows = db.KnowledgeChunkEmbeddings.Where(e => e.TenantId == tenantId && e.Model == model);
        var newest = await rows.MaxAsync(e => (DateTime?)e.CreatedAt, ct);
        var set = entry.Set;
        if (set is not null && !entry.Invalid && set.Newest == newest) return set;

        await entry.Gate.WaitAsync(ct);
        try
        {
            set = entry.Set;
            var now = time.GetUtcNow().UtcDateTime;
            if (set is not null && !entry.Invalid && set.Newest == newest) return set;
            if (set is null || entry.Invalid || newest is null || set.Newest is null || newest < set.Newest || now - set.LoadedAt > MaxAge)
            {
                entry.Invalid = false;
                set = KnowledgeVectorSet.Load(await ReadAsync(rows, ct), newest, now);
            }
            else
            {
                var since = set.Newest.Value;
                set = set.Append(await ReadAsync(rows.Where(e => e.CreatedAt > since && e.CreatedAt <= newest), ct), newest);
            }
            entry.Set = set;
        }
        finally
        {
            entry.Gate.Release();
        }
        Trim(entry);
        return set;
    }

    /// <summary>Reads the workspace's set whole at its next search (many of its best entries were stale).</summary>
    public void Invalidate(Guid tenantId, string model)
    {
        if (_entries.TryGetValue((tenantId, model), out var entry)) entry.Invalid = true;
    }

    private static async Task<KnowledgeVectorSet.Segment> ReadAsync(IQueryable<KnowledgeChunkEmbedding> rows, CancellationToken ct)
    {
        var ids = new List<Guid>();
        var keys = new List<long>();
        var vectors = new List<byte[]>();
        var dimensions = 0;
        await foreach (var row in rows.AsNoTracking().Select(e => new { e.ChunkId, e.SourceKey, e.Dimensions, e.Vector }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (dimensions == 0) dimensions = row.Dimensions;
            if (row.Dimensions != dimensions || row.Vector.Length != dimensions * sizeof(float)) continue;
            ids.Add(row.ChunkId);
            keys.Add(row.SourceKey);
            vectors.Add(row.Vector);
        }
        var data = new float[vectors.Count * dimensions];
        for (var i = 0; i < vectors.Count; i++) EmbeddingVector.CopyTo(vectors[i], data.AsSpan(i * dimensions, dimensions));
        return new KnowledgeVectorSet.Segment([.. ids], [.. keys], data, dimensions);
    }

    private void Trim(Entry keep)
    {
        var total = _entries.Values.Sum(e => e.Set?.Bytes ?? 0);
        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.LastUsed))
        {
            if (total <= BudgetBytes) return;
            if (ReferenceEquals(entry, keep) || entry.Set is not { } set) continue;
            if (_entries.TryRemove(key, out _)) total -= set.Bytes;
        }
    }
}
