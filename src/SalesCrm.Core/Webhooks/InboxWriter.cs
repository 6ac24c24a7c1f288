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
/// The writer keeps one context and connection open and reuses one INSERT command per batch size; after an error
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
    private InboxTable? _table;
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
            _table ??= InboxTable.For(_db);
            await _db.Database.OpenConnectionAsync();
        }
        if (!_commands.TryGetValue(batch.Count, out var command))
        {
            command = _db.Database.GetDbConnection().CreateCommand();
            command.CommandText = _table.InsertSql(batch.Count);
            _commands[batch.Count] = command;
        }
        // Fresh parameters from the EF type mappings: the same conversions EF applies (e.g. SQLite keeps Guid and DateTime as TEXT).
        command.Parameters.Clear();
        for (var row = 0; row < batch.Count; row++)
        for (var column = 0; column < _table.Columns.Length; column++)
        {
            var c = _table.Columns[column];
            command.Parameters.Add(c.Mapping.CreateParameter(command, _table.ParameterName(row, column), c.Getter.GetClrValue(batch[row].Item), c.Nullable));
        }
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The inbox table as the EF model maps it, read once: columns, conversions, and the parameter names of a full batch.</summary>
    private sealed class InboxTable
    {
        public sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);

        public required string Table { get; init; }
        public required Column[] Columns { get; init; }
        private string[] _names = [];
        private string[] _placeholders = [];

        public static InboxTable For(CrmDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(InboxItem))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = entity.GetProperties()
                .Select(p => new Column(sql.DelimitIdentifier(p.GetColumnName(table)!), p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable)).ToArray();
            var names = Enumerable.Range(0, MaxBatch * columns.Length).Select(i => $"p{i}").ToArray();
            return new InboxTable
            {
                Table = sql.DelimitIdentifier(table.Name, table.Schema), Columns = columns,
                _names = names.Select(sql.GenerateParameterName).ToArray(), _placeholders = names.Select(sql.GenerateParameterNamePlaceholder).ToArray(),
            };
        }

        public string ParameterName(int row, int column) => _names[row * Columns.Length + column];

        public string InsertSql(int rows)
        {
            var text = new StringBuilder("INSERT INTO ").Append(Table).Append(" (").AppendJoin(", ", Columns.Select(c => c.Name)).Append(") VALUES ");
            for (var row = 0; row < rows; row++)
                text.Append(row == 0 ? "(" : ", (").AppendJoin(", ", (ReadOnlySpan<string?>)_placeholders.AsSpan(row * Columns.Length, Columns.Length)).Append(')');
            return text.ToString();
        }
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
