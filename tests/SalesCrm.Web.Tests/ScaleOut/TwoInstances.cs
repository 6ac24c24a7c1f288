namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>Two app instances on one PostgreSQL database, as behind a load balancer; no configured JWT key.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private SharedPostgresDatabase? _database;

    /// <summary>The shared database, for tests that look at it directly.</summary>
    public string ConnectionString => _database!.ConnectionString;

    public AppInstance First { get; private set; } = null!;
    public AppInstance Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await SharedPostgresDatabase.CreateAsync();
        First = new AppInstance(_database.ConnectionString);
        Second = new AppInstance(_database.ConnectionString);
        _ = First.Services;
        _ = Second.Services;
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
