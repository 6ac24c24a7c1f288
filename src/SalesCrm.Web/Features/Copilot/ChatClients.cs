using System.ClientModel;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using SalesCrm.Core.Copilot;

namespace SalesCrm.Web.Features.Copilot;

/// <summary>Builds the configured chat client: an OpenAI-compatible endpoint (OpenAI, Azure OpenAI's v1 endpoint, vLLM, LM Studio…) or Ollama.</summary>
public static class ChatClients
{
    public static IChatClient Create(CopilotChatOptions options) => options.Provider.ToLowerInvariant() switch
    {
        "openai" => OpenAi(options),
        "ollama" => new OllamaApiClient(new Uri(string.IsNullOrWhiteSpace(options.BaseUrl) ? "http://localhost:11434" : options.BaseUrl), options.Model!),
        _ => throw new InvalidOperationException($"Copilot:Chat:Provider '{options.Provider}' is not openai or ollama."),
    };

    private static IChatClient OpenAi(CopilotChatOptions options)
    {
        var client = new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(Math.Max(30, options.TimeoutSeconds * 2)) };
        if (!string.IsNullOrWhiteSpace(options.BaseUrl)) client.Endpoint = new Uri(options.BaseUrl);
        // A local server without authentication still needs some key for the SDK; it is sent and ignored.
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey);
        return new OpenAI.Chat.ChatClient(options.Model, key, client).AsIChatClient();
    }
}
