using Npgsql;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>The lock background passes take so that one instance runs them at a time (PostgreSQL advisory lock).</summary>
public sealed class ClusterLockTests
{
    private const long Key = 0x5343524D_54455354;

    [Fact]
    public async Task One_holder_at_a_time_and_a_dead_holders_lock_is_free_again()
    {
        await using var database = await SharedPostgresDatabase.CreateAsync();
        var info = new DatabaseInfo(DatabaseProvider.Postgres, database.ConnectionString);

        var first = await ClusterLock.TryAcquireAsync(info, Key, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await ClusterLock.TryAcquireAsync(info, Key, CancellationToken.None));
        await first.DisposeAsync();

        // Released: the next instance takes it. Its session dies (the instance was killed): the server frees it.
        var second = await ClusterLock.TryAcquireAsync(info, Key, CancellationToken.None);
        Assert.NotNull(second);
        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid() " +
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", admin);
            await kill.ExecuteNonQueryAsync();
        }
        // pg_terminate_backend signals the session; it ends a moment later.
        ClusterLock? third = null;
        for (var attempt = 0; attempt < 100 && third is null; attempt++)
        {
            third = await ClusterLock.TryAcquireAsync(info, Key, CancellationToken.None);
            if (third is null) await Task.Delay(100);
        }
        Assert.NotNull(third);
        await third.DisposeAsync();
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Sqlite_serves_one_process_and_always_grants_it()
    {
        var info = new DatabaseInfo(DatabaseProvider.Sqlite, "Data Source=:memory:");
        await using var first = await ClusterLock.TryAcquireAsync(info, Key, CancellationToken.None);
        await using var second = await ClusterLock.TryAcquireAsync(info, Key, CancellationToken.None);
        Assert.NotNull(first);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task A_waiting_acquire_gets_the_lock_as_soon_as_the_holder_lets_go()
    {
        await using var database = await SharedPostgresDatabase.CreateAsync();
        var info = new DatabaseInfo(DatabaseProvider.Postgres, database.ConnectionString);
        var holder = await ClusterLock.AcquireAsync(info, Key, CancellationToken.None);

        var waiting = ClusterLock.AcquireAsync(info, Key, CancellationToken.None);
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted);
        Assert.Null(await ClusterLock.TryAcquireAsync(info, Key, CancellationToken.None));

        await holder.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(await ClusterLock.TryAcquireAsync(info, Key, CancellationToken.None));
    }
}
