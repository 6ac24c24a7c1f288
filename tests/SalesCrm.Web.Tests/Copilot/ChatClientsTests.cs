using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OllamaSharp;
using SalesCrm.Core.Copilot;
using SalesCrm.Web.Features.Copilot;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>Which chat client the configuration gives, and configurations refused at start.</summary>
public class ChatClientsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddCopilot(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Without_a_provider_no_chat_client_is_registered()
    {
        using var sp = Build();
        Assert.Null(sp.GetService<IChatClient>());
        Assert.Equal(8, sp.GetRequiredService<IOptions<CopilotOptions>>().Value.Chat.TimeoutSeconds);
    }

    [Fact]
    public void An_openai_compatible_endpoint_or_ollama_becomes_the_registered_chat_client()
    {
        using (var sp = Build(("Copilot:Chat:Provider", "OpenAI"), ("Copilot:Chat:BaseUrl", "http://127.0.0.1:5399/v1"), ("Copilot:Chat:Model", "gpt-test"), ("Copilot:Chat:ApiKey", "k")))
        {
            var client = sp.GetRequiredService<IChatClient>();
            var metadata = client.GetService<ChatClientMetadata>();
            Assert.Equal("gpt-test", metadata?.DefaultModelId);
            Assert.Equal(new Uri("http://127.0.0.1:5399/v1"), metadata?.ProviderUri);
            Assert.Same(client, sp.GetRequiredService<IChatClient>());
        }
        using (var sp = Build(("Copilot:Chat:Provider", "ollama"), ("Copilot:Chat:Model", "llama3.2")))
        {
            var client = Assert.IsType<OllamaApiClient>(sp.GetRequiredService<IChatClient>());
            Assert.Equal("llama3.2", client.SelectedModel);
            Assert.Equal(new Uri("http://localhost:11434"), client.Uri);
        }
    }

    [Theory]
    [InlineData("gemini", "gpt", "k")]
    [InlineData("openai", "", "k")]
    [InlineData("openai", "gpt", "")]
    public void A_provider_it_cannot_use_is_refused_when_the_options_are_read(string provider, string model, string key)
    {
        using var sp = Build(("Copilot:Chat:Provider", provider), ("Copilot:Chat:Model", model), ("Copilot:Chat:ApiKey", key));
        Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<CopilotOptions>>().Value);
    }
}
