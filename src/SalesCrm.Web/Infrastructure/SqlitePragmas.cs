using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Per-connection SQLite settings: in WAL mode <c>synchronous=NORMAL</c> keeps every committed transaction across a
/// process crash (only an OS crash or power loss can drop the last ones) at a fraction of FULL's fsync cost, and a
/// busy timeout lets writers queue instead of failing under contention.
/// </summary>
/// <remarks>
/// These settings belong to the native connection, which the pool keeps open across <c>Open</c>/<c>Close</c>, so they
/// are applied once per native connection rather than on every open (three statements per context otherwise).
/// </remarks>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    private static readonly object Applied = new();

    /// <summary>Native connections (keyed weakly, so a closed one drops out) that already have the settings.</summary>
    private readonly ConditionalWeakTable<object, object> _applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!Needs(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!Needs(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private bool Needs(DbConnection connection) => connection is not SqliteConnection { Handle: { } handle } || !_applied.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) _applied.AddOrUpdate(handle, Applied);
    }
}
