using Microsoft.AspNetCore.Hosting;
using SalesCrm.Web.Tests.Copilot;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Knowledge;

/// <summary>
/// The app with knowledge embeddings from the local <see cref="OpenAiStub"/> (<c>openai</c> provider, model
/// <see cref="Model"/>, batches of <see cref="BatchSize"/>, a fifth of a second before the first retry);
/// <see cref="Settings"/> changes the configuration while it runs.
/// </summary>
public class EmbeddingsAppBase(TestProvider provider) : CrmAppFactory(provider), IAsyncLifetime
{
    public const string Model = "stub-embed";
    public const int BatchSize = 4;

    public OpenAiStub Stub { get; private set; } = default!;

    public MutableSettings Settings { get; } = new();

    public async Task InitializeAsync() => Stub = await OpenAiStub.StartAsync(5341);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Stub.DisposeAsync();
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings()
    {
        yield return new("Knowledge:Embeddings:Provider", "openai");
        yield return new("Knowledge:Embeddings:BaseUrl", Stub.BaseUrl);
        yield return new("Knowledge:Embeddings:Model", Model);
        yield return new("Knowledge:Embeddings:BatchSize", BatchSize.ToString());
        yield return new("Knowledge:Embeddings:RetrySeconds", "0.2");
        yield return new("Knowledge:Embeddings:TimeoutSeconds", "5");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.Add(Settings));
    }
}

public sealed class EmbeddingsSqliteApp() : EmbeddingsAppBase(TestProvider.Sqlite);

public sealed class EmbeddingsPostgresApp() : EmbeddingsAppBase(TestProvider.Postgres);
