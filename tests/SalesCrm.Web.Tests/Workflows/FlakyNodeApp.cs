using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Workflows.Runs;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>The app with <see cref="FlakyNoteExecutor"/> in place of <c>add_note</c> and one-second retries.</summary>
public class FlakyNodeApp(TestProvider provider) : CrmAppFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddScoped<IWorkflowNodeExecutor, FlakyNoteExecutor>();
            services.PostConfigure<WorkflowEngineOptions>(o => o.RetryDelaysSeconds = [1, 1]);
        });
    }
}

public sealed class FlakyNodeSqliteApp() : FlakyNodeApp(TestProvider.Sqlite);

public sealed class FlakyNodePostgresApp() : FlakyNodeApp(TestProvider.Postgres);
