namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>Two app instances on one PostgreSQL database with a shared <c>Storage:Provider</c> (each has its own data folder).</summary>
public abstract class TwoInstancesSharingStorage(Func<IEnumerable<KeyValuePair<string, string?>>> settings) : IAsyncLifetime
{
    private SharedPostgresDatabase? _database;

    public AppInstance First { get; private set; } = null!;
    public AppInstance Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await SharedPostgresDatabase.CreateAsync();
        First = new AppInstance(_database.ConnectionString, settings: settings());
        Second = new AppInstance(_database.ConnectionString, settings: settings());
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

public sealed class TwoInstancesOnS3() : TwoInstancesSharingStorage(TestS3.Settings);

public sealed class TwoInstancesOnDatabaseStorage() : TwoInstancesSharingStorage(() => [new("Storage:Provider", "Database")]);
