using Npgsql;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// A lock one app instance at a time holds across the cluster: on PostgreSQL a session-level advisory lock on a
/// connection of its own, which the server drops with the session when the holder dies, so a crashed instance's work is
/// taken over at the next attempt. <see cref="TryAcquireAsync"/> never waits (background work that must not run twice
/// at once, e.g. the knowledge embedding job); <see cref="AcquireAsync"/> waits (the <see cref="StartupLock"/>,
/// ADR 043). SQLite serves one process: always granted.
/// </summary>
public sealed class ClusterLock : IAsyncDisposable
{
    private readonly NpgsqlConnection? _connection;
    private readonly long _key;

    private ClusterLock(NpgsqlConnection? connection, long key) => (_connection, _key) = (connection, key);

    /// <summary>
    /// Takes the lock <paramref name="key"/> if no other instance holds it; <c>null</c> when one does (try later).
    /// Throws what opening a connection throws (the database is down).
    /// </summary>
    public static Task<ClusterLock?> TryAcquireAsync(DatabaseInfo database, long key, CancellationToken ct) =>
        LockAsync(database, key, "SELECT pg_try_advisory_lock(@key)", ct);

    /// <summary>
    /// Waits, without a timeout (the holder may be migrating a large database), until the lock <paramref name="key"/>
    /// is free and takes it. Throws what opening a connection throws.
    /// </summary>
    public static async Task<ClusterLock> AcquireAsync(DatabaseInfo database, long key, CancellationToken ct) =>
        (await LockAsync(database, key, "SELECT true FROM (SELECT pg_advisory_lock(@key)) AS taken", ct))!;

    private static async Task<ClusterLock?> LockAsync(DatabaseInfo database, long key, string sql, CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Postgres) return new ClusterLock(null, key);
        var connection = new NpgsqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(ct) is true) return new ClusterLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", _key);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection broke: the server ended the session, and the lock with it.
        }
        finally
        {
            // A pooled connection is reset (DISCARD ALL) when returned, which releases the lock even if unlock failed.
            await _connection.DisposeAsync();
        }
    }
}
