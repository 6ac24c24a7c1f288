using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OpenAI;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>Registers the embedding generator <c>Knowledge:Embeddings</c> names; none is registered for <c>none</c>.</summary>
public static class KnowledgeEmbeddingSetup
{
    public static IServiceCollection AddKnowledgeEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeEmbeddingOptions>().BindConfiguration(KnowledgeEmbeddingOptions.Section)
            .Validate(o => o.Provider.ToLowerInvariant() is "none" or "minilm" or "openai" or "ollama", "Knowledge:Embeddings:Provider is none, minilm, openai or ollama.")
            .Validate(o => o.Provider.ToLowerInvariant() is "none" or "minilm" || (!string.IsNullOrWhiteSpace(o.BaseUrl) && !string.IsNullOrWhiteSpace(o.Model)),
                "Knowledge:Embeddings:BaseUrl and Model are required for openai and ollama.")
            .Validate(o => o.BatchSize is >= 1 and <= 512 && o.TimeoutSeconds is >= 1 and <= 600, "Knowledge:Embeddings:BatchSize is 1–512 and TimeoutSeconds 1–600.")
            .ValidateOnStart();
        var options = configuration.GetSection(KnowledgeEmbeddingOptions.Section).Get<KnowledgeEmbeddingOptions>() ?? new KnowledgeEmbeddingOptions();
        switch (options.Provider.ToLowerInvariant())
        {
            case "minilm":
                services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, MiniLmEmbeddingGenerator>();
                break;
            case "openai":
                services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
                {
                    var o = sp.GetRequiredService<IOptions<KnowledgeEmbeddingOptions>>().Value;
                    var client = new OpenAIClient(new ApiKeyCredential(o.ApiKey is { Length: > 0 } key ? key : "unused"),
                        new OpenAIClientOptions { Endpoint = new Uri(o.BaseUrl!), NetworkTimeout = TimeSpan.FromSeconds(o.TimeoutSeconds) });
                    return client.GetEmbeddingClient(o.Model!).AsIEmbeddingGenerator();
                });
                break;
            case "ollama":
                services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
                {
                    var o = sp.GetRequiredService<IOptions<KnowledgeEmbeddingOptions>>().Value;
                    var http = new HttpClient { BaseAddress = new Uri(o.BaseUrl!), Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds) };
                    return new OllamaApiClient(http, o.Model!);
                });
                break;
        }
        return services;
    }
}
