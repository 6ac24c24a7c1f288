using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Inbox.Storage;

/// <summary>
/// Inserts inbox rows with multi-row INSERTs on one connection it keeps open, reusing one command per row count. Column
/// names and value conversions come from the EF model, so the same code runs on SQLite and PostgreSQL; change tracking
/// and per-row commands would cost more than the write itself. A row whose id is already stored is skipped, which makes
/// replaying a journal idempotent. Not thread-safe: each owner runs it from a single loop, and resets it after an error.
/// </summary>
public sealed class InboxTableWriter(IServiceScopeFactory scopes) : IAsyncDisposable
{
    public const int RowsPerStatement = 64;
    private AsyncServiceScope? _scope;
    private CrmDbContext? _db;
    private InboxTable? _table;
    private readonly Dictionary<int, DbCommand> _commands = [];
    private int _rowsPerStatement;

    /// <summary>
    /// Stores the rows in one transaction and returns how many were new (rows whose id is already stored are skipped). On SQLite (in-process, no round trips) one prepared single-row statement is run
    /// per row: binding hundreds of named parameters to one statement costs more than the statements themselves. On
    /// PostgreSQL rows go up to <see cref="RowsPerStatement"/> per statement, to save round trips.
    /// </summary>
    public async Task<int> InsertAsync(IReadOnlyList<InboxItem> items, CancellationToken ct = default)
    {
        if (items.Count == 0) return 0;
        if (_db is null)
        {
            _scope = scopes.CreateAsyncScope();
            _db = await _scope.Value.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
            _table ??= InboxTable.For(_db);
            _rowsPerStatement = _db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" ? 1 : RowsPerStatement;
            await _db.Database.OpenConnectionAsync(ct);
        }
        if (items.Count <= _rowsPerStatement) return await ExecuteAsync(items, 0, items.Count, null, ct);
        await using var transaction = await _db.Database.GetDbConnection().BeginTransactionAsync(ct);
        var inserted = 0;
        for (var start = 0; start < items.Count; start += _rowsPerStatement)
            inserted += await ExecuteAsync(items, start, Math.Min(_rowsPerStatement, items.Count - start), transaction, ct);
        await transaction.CommitAsync(ct);
        return inserted;
    }

    private async Task<int> ExecuteAsync(IReadOnlyList<InboxItem> items, int start, int rows, DbTransaction? transaction, CancellationToken ct)
    {
        var table = _table!;
        var fresh = !_commands.TryGetValue(rows, out var command);
        if (fresh)
        {
            command = _db!.Database.GetDbConnection().CreateCommand();
            command.CommandText = table.InsertSql(rows);
            _commands[rows] = command;
        }
        command!.Transaction = transaction;
        // Parameters from the EF type mappings, so values get the conversions EF applies (e.g. SQLite keeps Guid and
        // DateTime as TEXT). They are made once per command, with the mapping's settings; later rows only set values.
        for (var row = 0; row < rows; row++)
        for (var column = 0; column < table.Columns.Length; column++)
        {
            var c = table.Columns[column];
            var value = c.Getter.GetClrValue(items[start + row]);
            if (fresh) command.Parameters.Add(c.Mapping.CreateParameter(command, table.ParameterName(row, column), value, c.Nullable));
            else command.Parameters[row * table.Columns.Length + column].Value = c.ProviderValue(value) ?? DBNull.Value;
        }
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Drops the connection and commands; the next insert starts over with fresh ones.</summary>
    public async Task ResetAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        _commands.Clear();
        if (_db is not null) await _db.DisposeAsync();
        if (_scope is { } scope) await scope.DisposeAsync();
        _db = null;
        _scope = null;
    }

    public async ValueTask DisposeAsync() => await ResetAsync();

    /// <summary>The inbox table as the EF model maps it, read once: columns, conversions, and the parameter names of a full statement.</summary>
    private sealed class InboxTable
    {
        public sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable)
        {
            /// <summary>The value as the mapping's <c>CreateParameter</c> binds it: through the value converter if any, an enum without one as its number.</summary>
            public object? ProviderValue(object? value) => Mapping.Converter is { } converter ? converter.ConvertToProvider(value)
                : value is Enum e ? Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;
        }

        public required string Table { get; init; }
        public required string Key { get; init; }
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
            var names = Enumerable.Range(0, RowsPerStatement * columns.Length).Select(i => $"p{i}").ToArray();
            return new InboxTable
            {
                Table = sql.DelimitIdentifier(table.Name, table.Schema), Columns = columns,
                Key = string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))),
                _names = names.Select(sql.GenerateParameterName).ToArray(), _placeholders = names.Select(sql.GenerateParameterNamePlaceholder).ToArray(),
            };
        }

        public string ParameterName(int row, int column) => _names[row * Columns.Length + column];

        /// <summary><c>INSERT … VALUES (…), (…) ON CONFLICT (id) DO NOTHING</c>: the same text on SQLite (3.24+) and PostgreSQL.</summary>
        public string InsertSql(int rows)
        {
            var text = new StringBuilder("INSERT INTO ").Append(Table).Append(" (").AppendJoin(", ", Columns.Select(c => c.Name)).Append(") VALUES ");
            for (var row = 0; row < rows; row++)
                text.Append(row == 0 ? "(" : ", (").AppendJoin(", ", (ReadOnlySpan<string?>)_placeholders.AsSpan(row * Columns.Length, Columns.Length)).Append(')');
            return text.Append(" ON CONFLICT (").Append(Key).Append(") DO NOTHING").ToString();
        }
    }
}
