using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>
/// The app with a knowledge search stand-in (<see cref="InMemoryKnowledgeSearch"/>) and, when <paramref name="withModel"/>,
/// a chat model at the local <see cref="OpenAiStub"/> with a 2-second timeout. 20 suggest requests per user per hour.
/// </summary>
public class CopilotAppBase(TestProvider provider, bool withModel) : CrmAppFactory(provider), IAsyncLifetime
{
    public const int RequestsPerHour = 20;

    public KnowledgeStore Knowledge { get; } = new();

    public OpenAiStub Stub { get; private set; } = default!;

    public async Task InitializeAsync() => Stub = await OpenAiStub.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Stub.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings()
    {
        yield return new("Copilot:RequestsPerHour", RequestsPerHour.ToString());
        if (!withModel) yield break;
        yield return new("Copilot:Chat:Provider", "openai");
        yield return new("Copilot:Chat:BaseUrl", Stub.BaseUrl);
        yield return new("Copilot:Chat:Model", "stub-model");
        yield return new("Copilot:Chat:ApiKey", "test-key");
        yield return new("Copilot:Chat:TimeoutSeconds", "2");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Knowledge);
            services.AddScoped<IKnowledgeSearch, InMemoryKnowledgeSearch>();
        });
    }
}

public sealed class CopilotSqliteApp() : CopilotAppBase(TestProvider.Sqlite, withModel: true);

public sealed class CopilotPostgresApp() : CopilotAppBase(TestProvider.Postgres, withModel: true);

/// <summary>No model configured: the offline grounded composer answers.</summary>
public sealed class OfflineCopilotApp() : CopilotAppBase(TestProvider.Sqlite, withModel: false);
