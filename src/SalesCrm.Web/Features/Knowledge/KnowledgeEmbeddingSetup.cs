using Microsoft.Extensions.Options;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>
/// Embeddings for the knowledge base (<c>Knowledge:Embeddings</c>): the model (followed while the app runs), the background
/// job that embeds chunks, the vector signal of search and the vectors kept in memory for it.
/// </summary>
public static class KnowledgeEmbeddingSetup
{
    public static IServiceCollection AddKnowledgeEmbeddings(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeEmbeddingOptions>().BindConfiguration(KnowledgeEmbeddingOptions.Section)
            .Validate(o => o.Provider.ToLowerInvariant() is "none" or "minilm" or "openai" or "ollama", "Knowledge:Embeddings:Provider is none, minilm, openai or ollama.")
            .Validate(o => o.Provider.ToLowerInvariant() is "none" or "minilm" || !string.IsNullOrWhiteSpace(o.Model), "Knowledge:Embeddings:Model is required for openai and ollama.")
            .Validate(o => !string.Equals(o.Provider, "openai", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrWhiteSpace(o.ApiKey) || !string.IsNullOrWhiteSpace(o.BaseUrl),
                "Knowledge:Embeddings:ApiKey (or a BaseUrl of a server that needs none) is required for openai.")
            .Validate(o => string.IsNullOrWhiteSpace(o.BaseUrl) || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Knowledge:Embeddings:BaseUrl must be an absolute URL.")
            .Validate(o => o.BatchSize is >= 1 and <= 512 && o.TimeoutSeconds is >= 1 and <= 600 && o.QueryTimeoutSeconds is > 0 and <= 60
                    && o.RetrySeconds is > 0 and <= 300 && o.CacheMegabytes is >= 16 and <= 65536,
                "Knowledge:Embeddings: BatchSize 1–512, TimeoutSeconds 1–600, QueryTimeoutSeconds up to 60, RetrySeconds up to 300, CacheMegabytes 16–65536.")
            .ValidateOnStart();
        services.AddSingleton(sp => new KnowledgeEmbeddingModel(sp.GetRequiredService<IOptionsMonitor<KnowledgeEmbeddingOptions>>(), EmbeddingGenerators.Create));
        services.AddSingleton<KnowledgeEmbeddingSignal>();
        services.AddSingleton<KnowledgeEmbeddingState>();
        services.AddScoped<KnowledgeEmbeddingJob>();
        services.AddSingleton<KnowledgeQueryVectors>();
        services.AddSingleton(sp => new KnowledgeVectorCache(sp.GetRequiredService<TimeProvider>())
            { BudgetBytes = sp.GetRequiredService<IOptions<KnowledgeEmbeddingOptions>>().Value.CacheMegabytes * 1024L * 1024L });
        services.AddScoped<IKnowledgeVectorSearch, KnowledgeVectorSearch>();
        services.AddScoped<KnowledgeEmbeddingService>();
        services.AddHostedService<KnowledgeEmbeddingWorker>();
        return services;
    }
}
