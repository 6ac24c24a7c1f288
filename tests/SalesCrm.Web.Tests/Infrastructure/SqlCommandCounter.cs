using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>
/// Records the SQL commands EF Core sends inside <see cref="CountAsync"/> (an async-local scope, so background workers'
/// commands are not counted; HTTP calls are counted when the test server preserves the execution context, as
/// <see cref="CommandCountingApp"/> does).
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Runs <paramref name="call"/> and returns the text of every command it sent, in order.</summary>
    public static async Task<IReadOnlyList<string>> CountAsync(Func<Task> call)
    {
        var commands = new List<string>();
        Current.Value = commands;
        try
        {
            await call();
        }
        finally
        {
            Current.Value = null;
        }
        lock (commands) return [.. commands];
    }

    private static void Record(DbCommand command)
    {
        if (Current.Value is not { } commands) return;
        lock (commands) commands.Add(command.CommandText);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
