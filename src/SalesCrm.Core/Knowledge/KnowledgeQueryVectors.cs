using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Questions' vectors for search: the same question within ten minutes is not embedded again. A provider that fails or
/// answers later than <see cref="KnowledgeEmbeddingOptions.QueryTimeoutSeconds"/> gives no vector, and for
/// <see cref="KnowledgeEmbeddingOptions.RetrySeconds"/> it is not asked again, so searches stay lexical and fast while it is down.
/// </summary>
public sealed class KnowledgeQueryVectors(KnowledgeEmbeddingModel model, TimeProvider time, ILogger<KnowledgeQueryVectors> logger) : IDisposable
{
    private readonly MemoryCache _vectors = new(new MemoryCacheOptions { SizeLimit = 2_000 });
    private long _quietUntil;

    /// <summary>The unit-length vector of <paramref name="query"/> by the current model, or null (no provider, failure, timeout).</summary>
    public async Task<float[]?> GetAsync(string query, CancellationToken ct)
    {
        if (!model.Configured || time.GetTimestamp() < Interlocked.Read(ref _quietUntil)) return null;
        var key = (model.Name, query);
        if (_vectors.TryGetValue(key, out float[]? cached)) return cached;
        try
        {
            var vector = (await model.EmbedAsync([query], ct).WaitAsync(TimeSpan.FromSeconds(model.Options.QueryTimeoutSeconds), ct))[0];
            _vectors.Set(key, vector, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
            return vector;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var quiet = model.Options.RetrySeconds;
            Interlocked.Exchange(ref _quietUntil, time.GetTimestamp() + (long)(quiet * time.TimestampFrequency));
            logger.LogWarning(e, "Embedding a search question failed; search leaves the vector signal out for {Seconds} s", quiet);
            return null;
        }
    }

    public void Dispose() => _vectors.Dispose();
}
