using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesCrm.Core.Common.Filtering;

namespace SalesCrm.Core.Data;

/// <summary>
/// Registers on every SQLite connection the functions <see cref="SqlTextFunctions"/> translates to: <c>crm_like</c>
/// (case-sensitive LIKE), <c>crm_ilike</c> (Unicode case-insensitive LIKE), <c>crm_fold</c> (lower case without accents) and <c>crm_text_search</c> (the fts
/// approximation). SQLite's own LIKE ignores ASCII case only, so it can mean neither like nor ilike.
/// </summary>
public sealed class SqliteTextFunctions : DbConnectionInterceptor
{
    public static readonly SqliteTextFunctions Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    /// <summary>Adds the functions to a SQLite connection (kept by the connection across re-opens); other connections are left alone.</summary>
    public static void Register(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        sqlite.CreateFunction<string?, string?, bool?>("crm_like", (v, p) => v is null || p is null ? null : LikeMatcher.IsMatch(v, p, ignoreCase: false), isDeterministic: true);
        sqlite.CreateFunction<string?, string?, bool?>("crm_ilike", (v, p) => v is null || p is null ? null : LikeMatcher.IsMatch(v, p, ignoreCase: true), isDeterministic: true);
        sqlite.CreateFunction<string?, string?>("crm_fold", v => v is null ? null : Leads.LeadSearch.Fold(v), isDeterministic: true);
        sqlite.CreateFunction<string?, string?, string?, bool?>("crm_text_search",
            (v, q, kind) => v is null || q is null ? null : TextSearchApproximation.IsMatch(v, q, Enum.Parse<FilterOperator>(kind!, ignoreCase: true)), isDeterministic: true);
    }
}
