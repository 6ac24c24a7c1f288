using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Per-connection SQLite settings: in WAL mode <c>synchronous=NORMAL</c> keeps every committed transaction across a
/// process crash (only an OS crash or power loss can drop the last ones) at a fraction of FULL's fsync cost, and a
/// busy timeout lets writers queue instead of failing under contention.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
