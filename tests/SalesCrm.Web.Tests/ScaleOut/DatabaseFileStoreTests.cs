using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Interactions;
using SalesCrm.Web.Infrastructure.Storage;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>The database store (<c>stored_files</c>, created by the migrations) on SQLite and PostgreSQL.</summary>
public abstract class DatabaseFileStoreTests(DatabaseFileStoreHost host) : FileStoreContractTests
{
    protected override IFileStorage Store => host.Services.GetRequiredService<IFileStorage>();

    [Fact]
    public void The_host_stores_files_in_the_database() => Assert.IsType<DatabaseFileStorage>(Store);

    [Fact]
    public async Task Saving_a_key_that_exists_is_an_io_error_as_on_disk()
    {
        var key = $"{Guid.NewGuid():N}/whatsapp/{Guid.NewGuid():N}";
        await Store.SaveAsync(key, new MemoryStream([1]));
        await Assert.ThrowsAnyAsync<IOException>(() => Store.SaveAsync(key, new MemoryStream([2])));
    }
}

public sealed class SqliteDatabaseFileStoreTests(SqliteDatabaseFileStoreHost host) : DatabaseFileStoreTests(host), IClassFixture<SqliteDatabaseFileStoreHost>;

public sealed class PostgresDatabaseFileStoreTests(PostgresDatabaseFileStoreHost host) : DatabaseFileStoreTests(host), IClassFixture<PostgresDatabaseFileStoreHost>;
