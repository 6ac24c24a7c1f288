using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Web.Infrastructure;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Health;

public sealed class DatabaseSetupTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_context_sees_the_sqlite_settings_also_on_pooled_connections_that_skip_reapplying_them()
    {
        var handles = new List<object>();
        for (var i = 0; i < 6; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            handles.Add(connection.Handle!);
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous"));
            Assert.Equal(10_000L, await ScalarAsync(connection, "PRAGMA busy_timeout"));
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
            await db.Database.CloseConnectionAsync();
        }
        // The pool handed the same native connection out again, so the skip path was exercised.
        Assert.True(handles.Distinct(ReferenceEqualityComparer.Instance).Count() < handles.Count);
    }

    [Fact]
    public async Task Context_options_are_built_once_and_carry_the_tenant_interceptor_once()
    {
        DbContextOptions<CrmDbContext> first, second;
        await using (var scope = app.Services.CreateAsyncScope()) first = scope.ServiceProvider.GetRequiredService<DbContextOptions<CrmDbContext>>();
        await using (var scope = app.Services.CreateAsyncScope()) second = scope.ServiceProvider.GetRequiredService<DbContextOptions<CrmDbContext>>();
        Assert.Same(first, second);
        await using var other = app.Services.CreateAsyncScope();
        await using var db = await other.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var interceptors = db.GetService<IDbContextOptions>()
            .FindExtension<CoreOptionsExtension>()!.Interceptors!;
        Assert.Single(interceptors, i => i.GetType().Name == "TenantAuditInterceptor");
    }

    [Fact]
    public void Secrets_decrypt_from_memory_without_mixing_up_rotated_ones()
    {
        var protector = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());
        var old = protector.Protect("old-token");
        var rotated = protector.Protect("new-token");
        Assert.Equal("old-token", protector.Unprotect(old));
        Assert.Equal("old-token", protector.Unprotect(old));
        Assert.Equal("new-token", protector.Unprotect(rotated));
        for (var i = 0; i <= DataProtectionSecretProtector.CacheLimit; i++) Assert.Equal($"t{i}", protector.Unprotect(protector.Protect($"t{i}")));
        Assert.Equal("old-token", protector.Unprotect(old));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(old[..^4] + "AAAA"));
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
