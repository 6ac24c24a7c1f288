using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>
/// Builds the embedding generator <c>Knowledge:Embeddings</c> names, as <see cref="Copilot.ChatClients"/> builds chat
/// clients: the MiniLM model in the package (offline), an OpenAI-compatible endpoint (OpenAI, Azure OpenAI's v1 endpoint,
/// vLLM, LM Studio…) or Ollama. The SDK's own retries are off: the background job retries with its back-off, and a search
/// would rather leave the vector signal out than wait.
/// </summary>
public static class EmbeddingGenerators
{
    private static readonly Lazy<MiniLmEmbeddingGenerator> MiniLm = new(() => new MiniLmEmbeddingGenerator());

    public static IEmbeddingGenerator<string, Embedding<float>> Create(KnowledgeEmbeddingOptions options) => options.Provider.ToLowerInvariant() switch
    {
        // One ONNX session per process, whatever the configuration reloads do.
        "minilm" => MiniLm.Value,
        "openai" => OpenAi(options),
        "ollama" => new OllamaApiClient(
            new HttpClient { BaseAddress = new Uri(string.IsNullOrWhiteSpace(options.BaseUrl) ? "http://localhost:11434" : options.BaseUrl), Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) },
            options.Model!),
        _ => throw new InvalidOperationException($"Knowledge:Embeddings:Provider '{options.Provider}' is not minilm, openai or ollama."),
    };

    private static IEmbeddingGenerator<string, Embedding<float>> OpenAi(KnowledgeEmbeddingOptions options)
    {
        var client = new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds), RetryPolicy = new ClientRetryPolicy(maxRetries: 0) };
        if (!string.IsNullOrWhiteSpace(options.BaseUrl)) client.Endpoint = new Uri(options.BaseUrl);
        // A local server without authentication still needs some key for the SDK; it is sent and ignored.
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey);
        return new OpenAI.Embeddings.EmbeddingClient(options.Model, key, client).AsIEmbeddingGenerator();
    }
}
