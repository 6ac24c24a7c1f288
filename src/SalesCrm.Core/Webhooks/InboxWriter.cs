using System.Data.Common;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Webhooks;

/// <summary>
/// Group commit for inbound webhooks: concurrent receipts are inserted together in one statement, and each caller is
/// answered only after the statement holding its row committed. Same durability, far fewer commits under load.
/// The writer keeps one context and connection open and reuses a prepared INSERT per batch size; after an error
/// it starts over with a fresh connection.
/// </summary>
public sealed class InboxWriter : IAsyncDisposable
{
    private const int MaxBatch = 64;
    private readonly Channel<(InboxItem Item, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(InboxItem, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private AsyncServiceScope? _scope;
    private readonly Task _loop;
    private CrmDbContext? _db;
    private IProperty[] _columns = [];
    private ISqlGenerationHelper _sql = null!;
    private readonly Dictionary<int, DbCommand> _commands = [];

    public InboxWriter(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _loop = Task.Run(WriteLoopAsync);
    }

    public Task WriteAsync(InboxItem item, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((item, done))) throw new InvalidOperationException("The inbox is shutting down.");
        // The write goes ahead even if this caller gives up: it was received, and nothing received is dropped.
        return done.Task.WaitAsync(ct);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(InboxItem Item, TaskCompletionSource Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await InsertAsync(batch);
                foreach (var (_, done) in batch) done.TrySetResult();
            }
            catch (Exception e)
            {
                await ResetAsync();
                foreach (var (_, done) in batch) done.TrySetException(e);
            }
        }
        await ResetAsync();
    }

    /// <summary>
    /// One multi-row INSERT for the batch, with column names and value conversions taken from the EF model (the same SQL
    /// on SQLite and PostgreSQL); change tracking and per-row commands would cost more than the write itself.
    /// </summary>
    private async Task InsertAsync(List<(InboxItem Item, TaskCompletionSource Done)> batch)
    {
        if (_db is null)
        {
            _scope = _scopes.CreateAsyncScope();
            _db = await _scope.Value.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            _columns = _db.Model.FindEntityType(typeof(InboxItem))!.GetProperties().ToArray();
            _sql = _db.GetService<ISqlGenerationHelper>();
            await _db.Database.OpenConnectionAsync();
        }
        if (!_commands.TryGetValue(batch.Count, out var command))
        {
            command = Prepare(_db, batch.Count);
            _commands[batch.Count] = command;
        }
        // Fresh parameters from the EF type mappings: the same conversions EF applies (e.g. SQLite keeps Guid and DateTime as TEXT).
        command.Parameters.Clear();
        for (var row = 0; row < batch.Count; row++)
        for (var column = 0; column < _columns.Length; column++)
        {
            var property = _columns[column];
            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, _sql.GenerateParameterName($"p{row}_{column}"), property.GetGetter().GetClrValue(batch[row].Item), property.IsNullable));
        }
        await command.ExecuteNonQueryAsync();
    }

    private DbCommand Prepare(CrmDbContext db, int rows)
    {
        var entity = db.Model.FindEntityType(typeof(InboxItem))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = _sql;
        var command = db.Database.GetDbConnection().CreateCommand();
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", _columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _columns.Length; column++)
                text.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder($"p{row}_{column}"));
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }

    private async Task ResetAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        _commands.Clear();
        if (_db is not null) await _db.DisposeAsync();
        if (_scope is { } scope) await scope.DisposeAsync();
        _db = null;
        _scope = null;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
