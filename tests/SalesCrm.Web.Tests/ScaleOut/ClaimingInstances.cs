using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>
/// Two app instances on one PostgreSQL database, both running their workers, with a Meta Graph stub and loopback
/// webhook targets allowed: for the work-claiming tests (ADR 047).
/// </summary>
public sealed class ClaimingInstances : IAsyncLifetime
{
    private SharedPostgresDatabase? _database;

    public GraphStub Graph { get; } = new();
    public AppInstance First { get; private set; } = null!;
    public AppInstance Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await SharedPostgresDatabase.CreateAsync();
        First = new AppInstance(_database.ConnectionString, settings: MetaBurst.Settings(Graph, "first"));
        _ = First.Services;
        Second = new AppInstance(_database.ConnectionString, settings: MetaBurst.Settings(Graph, "second"));
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
