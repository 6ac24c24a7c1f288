using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Tests;

/// <summary>An in-memory SQLite database built by the real migrations; contexts are opened as any actor.</summary>
public sealed class TestDb : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    private TestDb() { }

    public static async Task<TestDb> CreateAsync()
    {
        var db = new TestDb();
        await db._connection.OpenAsync();
        await using var context = db.As(FixedCurrentUser.System);
        await context.Database.MigrateAsync();
        return db;
    }

    public CrmDbContext As(ICurrentUser user) => new(
        new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(_connection, o => o.MigrationsAssembly("SalesCrm.Migrations.Sqlite")).Options,
        user, TimeProvider.System);

    public IDbContextFactory<CrmDbContext> FactoryFor(ICurrentUser user) => new Factory(this, user);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private sealed class Factory(TestDb db, ICurrentUser user) : IDbContextFactory<CrmDbContext>
    {
        public CrmDbContext CreateDbContext() => db.As(user);
    }
}
