using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Web.Features.Demo;

namespace SalesCrm.Web.Tests.ScaleOut;

public sealed class StartTogetherTests
{
    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_database_migrate_once_and_seed_the_demo_once()
    {
        await using var database = await SharedPostgresDatabase.CreateAsync();
        await using var first = new AppInstance(database.ConnectionString, demo: true);
        await using var second = new AppInstance(database.ConnectionString, demo: true);

        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        await using var scope = second.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var demo = await db.Tenants.IgnoreQueryFilters().Where(t => t.Slug == DemoWorkspace.Slug).Select(t => t.Id).ToListAsync();
        Assert.Single(demo);
        Assert.Equal(4, await db.Memberships.IgnoreQueryFilters().CountAsync(m => m.TenantId == demo[0]));
        Assert.Equal(1, await db.InstallationSecrets.CountAsync());
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }
}
