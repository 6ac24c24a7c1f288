using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// The embedding model <c>Knowledge:Embeddings</c> names, as the job, the vector search and the status read it. It follows
/// the configuration while the app runs: a changed provider or model gets a new generator, and every chunk embedded with
/// the old one counts as pending until the background job embeds it again.
/// </summary>
public sealed class KnowledgeEmbeddingModel(
    IOptionsMonitor<KnowledgeEmbeddingOptions> options, Func<KnowledgeEmbeddingOptions, IEmbeddingGenerator<string, Embedding<float>>> create)
{
    private readonly Lock _lock = new();
    private (string Key, IEmbeddingGenerator<string, Embedding<float>> Generator)? _current;
    private KnowledgeEmbeddingOptions _lastValid = new();

    /// <summary>The current options; an invalid edit of the configuration keeps the last valid ones (it was checked at start).</summary>
    public KnowledgeEmbeddingOptions Options
    {
        get
        {
            try { return _lastValid = options.CurrentValue; }
            catch (OptionsValidationException) { return _lastValid; }
        }
    }

    /// <summary>False for provider <c>none</c>: no vectors, retrieval stays lexical + trigram.</summary>
    public bool Configured => !string.Equals(Options.Provider, "none", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name stored with each vector (<see cref="KnowledgeEmbeddingOptions.ModelName"/>); empty when none is configured.</summary>
    public string Name => Options.ModelName;

    /// <summary>The generator of the current configuration (built on first use, rebuilt when the configuration changes).</summary>
    /// <exception cref="InvalidOperationException">No provider is configured.</exception>
    public IEmbeddingGenerator<string, Embedding<float>> Generator
    {
        get
        {
            var o = Options;
            if (!Configured) throw new InvalidOperationException("No embedding provider is configured (Knowledge:Embeddings:Provider is none).");
            var key = string.Join('\u001f', o.Provider.ToLowerInvariant(), o.BaseUrl, o.Model, o.ApiKey, o.TimeoutSeconds);
            lock (_lock)
            {
                if (_current is not { } current || current.Key != key) _current = current = (key, create(o));
                return current.Generator;
            }
        }
    }

    /// <summary>Dimensions the generator declares, when it does (MiniLM: 384); null until a vector is stored otherwise.</summary>
    public int? DeclaredDimensions => Configured ? Generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions : null;

    /// <summary>Embeds <paramref name="texts"/>: unit-length vectors in the same order.</summary>
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        var generated = await Generator.GenerateAsync(texts, cancellationToken: ct);
        if (generated.Count != texts.Count) throw new InvalidOperationException($"The embedding provider returned {generated.Count} vectors for {texts.Count} texts.");
        return generated.Select(e => EmbeddingVector.Normalized(e.Vector.Span)).ToList();
    }
}
