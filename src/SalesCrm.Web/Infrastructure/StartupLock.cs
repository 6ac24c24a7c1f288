using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SalesCrm.Core.Data;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Lets one app instance at a time run the start-up work (migrations, the shared key ring, the JWT key, data fixes,
/// the demo seed), so instances started together do each step once and the others wait, then find it done (ADR 043).
/// On PostgreSQL a session-level advisory lock on a connection of its own; the server drops it with the session if
/// the instance dies. SQLite serves one process, so there is nothing to wait for (EF's own migration lock still
/// applies).
/// </summary>
public static class StartupLock
{
    /// <summary>The advisory lock's key: "SCRM" "STRT" in ASCII, unlikely to collide with another application's.</summary>
    public const long Key = 0x5343524D_53545254;

    /// <summary>Waits (without a timeout: a migration may take long) until no other instance holds the lock; dispose to release it.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var info = services.GetRequiredService<DatabaseInfo>();
        if (info.Provider == DatabaseProvider.Postgres) await EnsureDatabaseExistsAsync(services, ct);
        return await ClusterLock.AcquireAsync(info, Key, ct);
    }

    /// <summary>The lock lives in a database, so the database must exist first; two instances may race to create it.</summary>
    private static async Task EnsureDatabaseExistsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct)) return;
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // The other instance created it a moment earlier.
        }
    }
}
