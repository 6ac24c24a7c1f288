using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>
/// The host with a <see cref="SqlCommandCounter"/> on the CRM context and the test server keeping the caller's execution
/// context, so a test counts the commands one request or service call sends. Rate limits are out of the way (the tests
/// seed tens of rows) and the session is checked once, so a periodic check does not land in one measurement only.
/// </summary>
public class CommandCountingApp(TestProvider provider) : CrmAppFactory(provider)
{
    private static readonly SqlCommandCounter Counter = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [new("RateLimits:ApiPermitsPerMinute", "1000000"), new("Auth:SessionCheckSeconds", "86400")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true);
            var original = services.Last(d => d.ServiceType == typeof(DbContextOptions<CrmDbContext>));
            services.Add(ServiceDescriptor.Singleton(sp =>
            {
                var options = (DbContextOptions<CrmDbContext>)original.ImplementationFactory!(sp);
                return new DbContextOptionsBuilder<CrmDbContext>(options).AddInterceptors(Counter).Options;
            }));
        });
    }
}

public sealed class CountingSqliteApp() : CommandCountingApp(TestProvider.Sqlite);

public sealed class CountingPostgresApp() : CommandCountingApp(TestProvider.Postgres);
