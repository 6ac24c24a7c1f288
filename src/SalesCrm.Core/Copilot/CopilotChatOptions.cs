using System.ComponentModel.DataAnnotations;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// <c>Copilot:Chat</c>: the chat model behind generated suggestions. <c>none</c> (default) uses the offline grounded
/// composer; <c>openai</c> is any OpenAI-compatible endpoint (OpenAI, Azure OpenAI's <c>/openai/v1</c>, vLLM, LM Studio…);
/// <c>ollama</c> an Ollama server.
/// </summary>
public sealed class CopilotChatOptions
{
    [RegularExpression("(?i)^(none|openai|ollama)$", ErrorMessage = "Copilot:Chat:Provider must be none, openai or ollama.")]
    public string Provider { get; set; } = "none";

    /// <summary>The endpoint, e.g. <c>https://api.openai.com/v1</c> or <c>http://localhost:11434</c>; empty = the provider's default.</summary>
    public string? BaseUrl { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Seconds the model has for the whole answer before the grounded composer answers instead.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 8;

    public bool Enabled => !string.Equals(Provider, "none", StringComparison.OrdinalIgnoreCase);
}
