namespace SalesCrm.Core.Knowledge;

/// <summary>
/// One workspace's stored vectors of one model, in memory: immutable segments (the full load, then one per refresh with the
/// rows written since), so a search never waits for a copy and a refresh never disturbs a search under way. A chunk
/// embedded again appears twice; the older entry carries the older source key and is dropped when hits are checked.
/// </summary>
public sealed class KnowledgeVectorSet
{
    public sealed record Segment(Guid[] Ids, long[] Keys, float[] Data, int Dimensions)
    {
        public int Count => Ids.Length;
    }

    public static KnowledgeVectorSet Empty(DateTime loadedAt) => new([], null, loadedAt);

    private KnowledgeVectorSet(IReadOnlyList<Segment> segments, DateTime? newest, DateTime loadedAt) =>
        (Segments, Newest, LoadedAt, Count) = (segments, newest, loadedAt, segments.Sum(s => s.Count));

    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The newest stored row's time (UTC) this set holds; rows written later are not in it.</summary>
    public DateTime? Newest { get; }

    /// <summary>When the full load happened (UTC).</summary>
    public DateTime LoadedAt { get; }

    public int Count { get; }

    /// <summary>Bytes the vectors take (for the cache's budget).</summary>
    public long Bytes => Segments.Sum(s => (long)s.Data.Length * sizeof(float) + s.Count * 24L);

    public static KnowledgeVectorSet Load(Segment segment, DateTime? newest, DateTime loadedAt) => new(segment.Count == 0 ? [] : [segment], newest, loadedAt);

    public KnowledgeVectorSet Append(Segment segment, DateTime? newest) => new(segment.Count == 0 ? Segments : [.. Segments, segment], newest, LoadedAt);

    /// <summary>The <paramref name="k"/> entries most similar to the unit-length <paramref name="query"/>, best first (entries of another dimension skipped).</summary>
    public List<(Guid Id, long Key, float Score)> Nearest(float[] query, int k)
    {
        var heap = new PriorityQueue<(int Segment, int Row), float>(k + 1);
        for (var s = 0; s < Segments.Count; s++)
        {
            var segment = Segments[s];
            if (segment.Dimensions != query.Length) continue;
            var d = segment.Dimensions;
            for (var row = 0; row < segment.Count; row++)
            {
                var score = EmbeddingVector.Similarity(query, segment.Data.AsSpan(row * d, d));
                if (heap.Count < k) heap.Enqueue((s, row), score);
                else if (heap.TryPeek(out _, out var worst) && score > worst) heap.EnqueueDequeue((s, row), score);
            }
        }
        var result = new List<(Guid, long, float)>(heap.Count);
        while (heap.TryDequeue(out var at, out var score)) result.Add((Segments[at.Segment].Ids[at.Row], Segments[at.Segment].Keys[at.Row], score));
        result.Reverse();
        return result;
    }
}
