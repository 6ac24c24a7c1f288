using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Tests;

/// <summary>
/// A SQLite database built by the real migrations; contexts are opened as any actor. In memory, every context shares
/// one connection; in a file, each context opens its own, so background writers and the test can run side by side.
/// </summary>
public sealed class TestDb : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly bool _file;

    private TestDb(string connectionString, bool file) => (_connection, _file) = (new SqliteConnection(connectionString), file);

    /// <param name="file">A database file; busy waits there give up after a second.</param>
    public static async Task<TestDb> CreateAsync(string? file = null)
    {
        var db = file is null ? new TestDb("DataSource=:memory:", false) : new TestDb($"Data Source={file};Default Timeout=1;Pooling=False", true);
        await db._connection.OpenAsync();
        SalesCrm.Core.Data.SqliteTextFunctions.Register(db._connection);
        await using var context = db.As(FixedCurrentUser.System);
        await context.Database.MigrateAsync();
        return db;
    }

    public CrmDbContext As(ICurrentUser user) => new(
        (_file
            ? new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(_connection.ConnectionString, o => o.MigrationsAssembly("SalesCrm.Migrations.Sqlite"))
            : new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(_connection, o => o.MigrationsAssembly("SalesCrm.Migrations.Sqlite"))).Options,
        user, TimeProvider.System);

    public IDbContextFactory<CrmDbContext> FactoryFor(ICurrentUser user) => new Factory(this, user);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private sealed class Factory(TestDb db, ICurrentUser user) : IDbContextFactory<CrmDbContext>
    {
        public CrmDbContext CreateDbContext() => db.As(user);
    }
}
