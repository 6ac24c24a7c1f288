using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OllamaSharp;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Features.Knowledge;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Knowledge;

/// <summary>Which embedding generator <c>Knowledge:Embeddings</c> gives, and configurations refused at start.</summary>
public class KnowledgeEmbeddingSetupTests
{
    private static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddSingleton(configuration).AddSingleton(TimeProvider.System).AddLogging();
        services.AddKnowledgeEmbeddings();
        return services.BuildServiceProvider();
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings) =>
        Build(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("Knowledge:Embeddings:" + s.Key, s.Value))).Build());

    [Fact]
    public void The_sample_settings_read_with_their_comments_and_mean_no_provider()
    {
        using var sp = Build(new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.sample.json")).Build());
        var model = sp.GetRequiredService<KnowledgeEmbeddingModel>();
        Assert.Equal(("none", false, ""), (model.Options.Provider, model.Configured, model.Name));
        Assert.Equal(32, sp.GetRequiredService<IOptions<KnowledgeEmbeddingOptions>>().Value.BatchSize);
    }

    [Fact]
    public void An_openai_compatible_endpoint_or_ollama_becomes_the_model_with_its_name()
    {
        using (var sp = Build(("Provider", "openai"), ("BaseUrl", "http://127.0.0.1:5399/v1"), ("Model", "text-embedding-3-small"), ("ApiKey", "k")))
        {
            var model = sp.GetRequiredService<KnowledgeEmbeddingModel>();
            var metadata = model.Generator.GetService<EmbeddingGeneratorMetadata>();
            Assert.Equal(("openai:text-embedding-3-small", "text-embedding-3-small"), (model.Name, metadata?.DefaultModelId));
            Assert.Equal(new Uri("http://127.0.0.1:5399/v1"), metadata?.ProviderUri);
            Assert.Same(model.Generator, model.Generator);
        }
        using (var sp = Build(("Provider", "ollama"), ("Model", "nomic-embed-text")))
        {
            var model = sp.GetRequiredService<KnowledgeEmbeddingModel>();
            Assert.IsType<OllamaApiClient>(model.Generator);
            Assert.Equal("ollama:nomic-embed-text", model.Name);
        }
        using (var sp = Build(("Provider", "minilm")))
            Assert.Equal(("all-MiniLM-L6-v2", 384), (sp.GetRequiredService<KnowledgeEmbeddingModel>().Name, sp.GetRequiredService<KnowledgeEmbeddingModel>().DeclaredDimensions));
    }

    [Theory]
    [InlineData("word2vec", null, null)]
    [InlineData("openai", null, "k")]
    [InlineData("openai", "text-embedding-3-small", null)]
    [InlineData("ollama", "", null)]
    public void A_provider_without_what_it_needs_is_refused(string provider, string? model, string? key)
    {
        var settings = new List<(string, string)> { ("Provider", provider) };
        if (model is not null) settings.Add(("Model", model));
        if (key is not null) settings.Add(("ApiKey", key));
        using var sp = Build([.. settings]);
        Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<KnowledgeEmbeddingOptions>>().Value);
    }
}
