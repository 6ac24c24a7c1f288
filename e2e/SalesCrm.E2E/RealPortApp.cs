using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.E2E;

/// <summary>The app on a real Kestrel port, for clients that run outside the test process (node, curl). No browser.</summary>
public abstract class RealPortApp(TestProvider provider) : IAsyncLifetime
{
    public CrmAppFactory App { get; } = new(provider);
    public string BaseUrl { get; private set; } = "";

    public Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteRealPortApp() : RealPortApp(TestProvider.Sqlite);

public sealed class PostgresRealPortApp() : RealPortApp(TestProvider.Postgres);
