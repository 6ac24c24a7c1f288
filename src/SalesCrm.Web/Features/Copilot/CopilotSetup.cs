using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Copilot;

namespace SalesCrm.Web.Features.Copilot;

public static class CopilotSetup
{
    /// <summary>
    /// The copilot's services and options (<c>Copilot</c> section). When <c>Copilot:Chat:Provider</c> is <c>openai</c> or
    /// <c>ollama</c>, an <see cref="IChatClient"/> is registered as a plain singleton (other features may resolve it too);
    /// with <c>none</c> nothing is, and the copilot answers from the playbook offline.
    /// </summary>
    public static IServiceCollection AddCopilot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CopilotOptions>().BindConfiguration("Copilot").ValidateDataAnnotations()
            // Data annotations are not checked on nested objects by themselves.
            .Validate(o => Validator.TryValidateObject(o.Chat, new ValidationContext(o.Chat), null, validateAllProperties: true),
                "Copilot:Chat:Provider must be none, openai or ollama, and Copilot:Chat:TimeoutSeconds 1–300.")
            .Validate(o => !o.Chat.Enabled || !string.IsNullOrWhiteSpace(o.Chat.Model), "Copilot:Chat:Model is required when Copilot:Chat:Provider is openai or ollama.")
            .Validate(o => !string.Equals(o.Chat.Provider, "openai", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrWhiteSpace(o.Chat.ApiKey) || !string.IsNullOrWhiteSpace(o.Chat.BaseUrl),
                "Copilot:Chat:ApiKey (or a BaseUrl of a server that needs none) is required for openai.")
            .ValidateOnStart();
        services.AddSingleton<CopilotRateLimiter>();
        services.AddScoped<CopilotLeadContext>();
        services.AddScoped<CopilotCache>();
        services.AddScoped<CopilotHistory>();
        services.AddScoped<StaticSuggestionService>();
        services.AddScoped<CopilotService>();
        services.AddScoped<ICopilotAssistant>(sp => sp.GetRequiredService<CopilotService>());
        var chat = configuration.GetSection("Copilot:Chat").Get<CopilotChatOptions>() ?? new CopilotChatOptions();
        if (chat.Enabled) services.AddSingleton(_ => ChatClients.Create(chat));
        return services;
    }
}
