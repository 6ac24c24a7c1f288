using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>
/// Two app instances on one PostgreSQL database and one Redis (their own prefix), as behind a load balancer, with a
/// Graph stub and the WhatsApp app secret so either can receive WhatsApp webhooks.
/// </summary>
public sealed class RedisInstances : IAsyncLifetime
{
    private SharedPostgresDatabase? _database;

    public GraphStub Graph { get; } = new();
    public AppInstance First { get; private set; } = null!;
    public AppInstance Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await SharedPostgresDatabase.CreateAsync();
        var prefix = TestRedis.NewPrefix();
        KeyValuePair<string, string?>[] settings =
        [
            .. TestRedis.Settings(prefix),
            new("WhatsApp:AppSecret", InboundAppBase.WhatsAppSecret), new("WhatsApp:VerifyToken", InboundAppBase.WhatsAppVerify),
            new("WhatsApp:GraphBaseUrl", Graph.BaseUrl),
        ];
        First = new AppInstance(_database.ConnectionString, settings: settings);
        Second = new AppInstance(_database.ConnectionString, settings: settings);
        _ = First.Services;
        _ = Second.Services;
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await Graph.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
