using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>
/// The app with a <see cref="RecordingRunStarter"/> in place of the engine's run starter, a local <see cref="SmtpStub"/>
/// (switched on per test through <see cref="Settings"/>), and HTTP retries without delay.
/// </summary>
public class WorkflowIntegrationAppBase(TestProvider provider) : CrmAppFactory(provider)
{
    public RecordingRunStarter Starter { get; } = new();
    public SmtpStub Smtp { get; } = new();
    public MutableSettings Settings { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings()
    {
        yield return new("Workflows:Http:MaxRetries", "2");
        yield return new("Workflows:Http:RetryDelayMilliseconds", "0");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.Add(Settings));
        builder.ConfigureTestServices(services => services.AddScoped<IWorkflowRunStarter>(_ => Starter));
    }

    /// <summary>Points <c>Email:Smtp</c> at the stub, or (false) leaves no SMTP server configured.</summary>
    public void UseSmtp(bool on) => Settings.Set(("Email:Smtp:Host", on ? "127.0.0.1" : ""), ("Email:Smtp:Port", Smtp.Port.ToString()),
        ("Email:Smtp:UseTls", "false"), ("Email:Smtp:From", "CRM <crm@test.example>"));

    public void AllowPrivateTargets(bool on) => Settings.Set(("Webhooks:AllowPrivateTargets", on ? "true" : "false"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class WorkflowIntegrationSqliteApp() : WorkflowIntegrationAppBase(TestProvider.Sqlite);

public sealed class WorkflowIntegrationPostgresApp() : WorkflowIntegrationAppBase(TestProvider.Postgres);
