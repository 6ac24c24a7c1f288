using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>
/// The start-up step that gave old workspaces their default pipeline is the migration DefaultPipelinesForEveryWorkspace
/// now (ADR 048): the data it leaves is what the step made, on both providers.
/// </summary>
public abstract class StartupFixMigrationTests(TestProvider provider)
{
    [Fact]
    public async Task Migrating_gives_a_workspace_without_a_pipeline_the_default_one_and_leaves_the_others_alone()
    {
        var (options, drop) = Database();
        try
        {
            var bare = Ids.New();
            var owned = Ids.New();
            CrmDbContext Context(Guid tenant) => new(options, FixedCurrentUser.Internal(tenant, ActorType.System, "test"), TimeProvider.System);
            await using (var db = Context(bare))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var before = migrations[migrations.FindIndex(m => m.EndsWith("_DefaultPipelinesForEveryWorkspace", StringComparison.Ordinal)) - 1];
                await db.GetService<IMigrator>().MigrateAsync(before);
                db.Tenants.Add(new Tenant { Id = bare, Name = "Antiga", Slug = "antiga-" + bare.ToString("N")[..8], CreatedAt = DateTime.UtcNow.AddYears(-1) });
                await db.SaveChangesAsync();
            }
            await using (var db = Context(owned))
            {
                db.Tenants.Add(new Tenant { Id = owned, Name = "Com funil", Slug = "funil-" + owned.ToString("N")[..8], CreatedAt = DateTime.UtcNow });
                var own = PipelineService.NewDefault(owned, DateTime.UtcNow);
                own.Name = "Meu funil";
                db.Pipelines.Add(own);
                await db.SaveChangesAsync();
            }

            var start = DateTime.UtcNow.AddSeconds(-5);
            await using (var db = Context(bare)) await db.Database.MigrateAsync();

            await using (var db = Context(bare))
            {
                var pipeline = await db.Pipelines.Include(p => p.Stages).SingleAsync();
                var expected = PipelineService.NewDefault(bare, DateTime.UtcNow);
                Assert.Equal(expected.Name, pipeline.Name);
                Assert.True(pipeline.IsDefault);
                Assert.Equal(0, pipeline.Order);
                Assert.True(pipeline.CreatedAt >= start && pipeline.CreatedAt == pipeline.UpdatedAt, $"{pipeline.CreatedAt:O}");
                Assert.NotEqual(Guid.Empty, pipeline.Id);
                Assert.Equal(
                    expected.Stages.Select(s => (s.Name, s.Color, s.Order, s.Probability, s.Kind, s.IsActive, s.RottenAfterDays, bare)),
                    pipeline.Stages.OrderBy(s => s.Order).Select(s => (s.Name, s.Color, s.Order, s.Probability, s.Kind, s.IsActive, s.RottenAfterDays, s.TenantId)));
                Assert.Equal(7, pipeline.Stages.Select(s => s.Id).Distinct().Count());
                Assert.All(pipeline.Stages, s => Assert.Equal(pipeline.CreatedAt, s.CreatedAt));
            }
            await using (var db = Context(owned))
                Assert.Equal(["Meu funil"], await db.Pipelines.Select(p => p.Name).ToListAsync());
        }
        finally
        {
            await drop();
        }
    }

    private (DbContextOptions<CrmDbContext> Options, Func<Task> Drop) Database()
    {
        if (provider == TestProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"salescrm-startupfix-{Guid.NewGuid():N}.db");
            var options = new DbContextOptionsBuilder<CrmDbContext>().UseSqlite($"Data Source={file};Pooling=False", o => o.MigrationsAssembly("SalesCrm.Migrations.Sqlite")).Options;
            return (options, () => { File.Delete(file); return Task.CompletedTask; });
        }
        var server = Environment.GetEnvironmentVariable(CrmAppFactory.PostgresVariable) ?? throw new InvalidOperationException($"{CrmAppFactory.PostgresVariable} is not set.");
        var name = "crm_startupfix_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
        var pg = new DbContextOptionsBuilder<CrmDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), o => o.MigrationsAssembly("SalesCrm.Migrations.Postgres")).Options;
        return (pg, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var dropCommand = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await dropCommand.ExecuteNonQueryAsync();
        });
    }
}

public sealed class StartupFixMigrationTestsOnSqlite() : StartupFixMigrationTests(TestProvider.Sqlite);

public sealed class StartupFixMigrationTestsOnPostgres() : StartupFixMigrationTests(TestProvider.Postgres);

/// <summary>A workspace created after the start-up step became a migration still starts with its default pipeline.</summary>
public sealed class NewWorkspacePipelineTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_new_workspace_gets_its_default_pipeline_with_seven_stages()
    {
        var owner = await app.RegisterAsync();
        var pipelines = (await owner.GetJsonAsync("/api/v1/pipelines"))["items"]!.AsArray();
        var pipeline = Assert.Single(pipelines)!;
        Assert.Equal(DefaultPipeline.Name, (string?)pipeline["name"]);
        Assert.Equal(DefaultPipeline.Stages.Select(s => s.Name), pipeline["stages"]!.AsArray().Select(s => (string?)s!["name"]));
    }
}
