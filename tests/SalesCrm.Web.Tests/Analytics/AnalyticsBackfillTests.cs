using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Analytics;

/// <summary>
/// The Analytics migration rebuilds history and waits from what a database of the version before holds: events, a
/// status_change entry without an event, bare lead rows, messages and calls (ADR 027).
/// </summary>
public abstract class AnalyticsBackfillTests(TestProvider provider)
{
    private static readonly DateTime T0 = new(2026, 10, 5, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Adds to the tables that exist the nullable columns today's model has and they lack (columns later migrations add), so
    /// rows can be saved through the current model; returns them so the test drops them again before migrating on.
    /// </summary>
    private static async Task<List<(string Table, string Column)>> AddLaterColumnsAsync(CrmDbContext db)
    {
        var postgres = db.Database.IsNpgsql();
        var added = new List<(string, string)>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table || entity.GetViewName() is not null) continue;
            var existing = await db.Database.SqlQueryRaw<string>(postgres
                ? "SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = {0}"
                : "SELECT name AS \"Value\" FROM pragma_table_info({0})", table).ToListAsync();
            if (existing.Count == 0) continue; // a table later migrations create
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName(store) is not { } column || existing.Contains(column) || !property.IsColumnNullable(store)) continue;
                await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"{table}\" ADD COLUMN \"{column}\" {property.GetColumnType(store)}");
                added.Add((table, column));
                existing.Add(column);
            }
        }
        return added;
    }

    [Fact]
    public async Task Migrating_rebuilds_stage_history_and_reply_waits_from_the_older_records()
    {
        var (options, drop) = Database();
        try
        {
            var tenantId = Ids.New();
            var userId = Ids.New();
            await using (var db = new CrmDbContext(options, FixedCurrentUser.Internal(tenantId, ActorType.System, "test"), TimeProvider.System))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var before = migrations[migrations.FindIndex(m => m.EndsWith("_Analytics", StringComparison.Ordinal)) - 1];
                await db.GetService<IMigrator>().MigrateAsync(before);
                // Rows of that older schema are written with today's model: nullable columns added since exist only for the insert.
                var later = await AddLaterColumnsAsync(db);
                db.Tenants.Add(new Tenant { Id = tenantId, Name = "Old", Slug = "old-" + tenantId.ToString("N")[..8], CreatedAt = T0 });
                var pipeline = PipelineService.NewDefault(tenantId, T0);
                db.Pipelines.Add(pipeline);
                var stage = pipeline.Stages.ToDictionary(s => s.Name);
                Lead Lead(string name, string at, DateTime entered) => new()
                {
                    TenantId = tenantId, Name = name, PipelineId = pipeline.Id, StageId = stage[at].Id, StageEnteredAt = entered, CreatedAt = T0, UpdatedAt = T0,
                    Status = stage[at].Kind == StageKind.Won ? LeadStatus.Won : LeadStatus.Open, ValueCents = 20_000, Currency = "BRL",
                };
                var a = Lead("A", "Ganho", T0.AddDays(3));
                var b = Lead("B", "Qualificado", T0.AddDays(1));
                var c = Lead("C", "Proposta", T0.AddDays(4));
                db.Leads.AddRange(a, b, c);
                CrmEvent Event(string type, DateTime at, string payload) => new()
                {
                    TenantId = tenantId, LeadId = a.Id, Type = type, OccurredAt = at, Payload = payload, ActorType = ActorType.User, ActorId = userId, ActorName = "Ana",
                };
                db.Events.AddRange(
                    Event("lead.created", T0, $$"""{"lead_id":"{{a.Id}}","stage_id":"{{stage["Novo"].Id}}","pipeline_id":"{{pipeline.Id}}","status":"open","value":100.0,"currency":"BRL","owner_id":"{{userId}}"}"""),
                    Event("lead.stage_changed", T0.AddDays(1), $$"""{"lead_id":"{{a.Id}}","from_stage_id":"{{stage["Novo"].Id}}","to_stage_id":"{{stage["Contato"].Id}}","status":"open","owner_id":"{{userId}}"}"""),
                    Event("lead.stage_changed", T0.AddDays(1).AddHours(1), $$"""{"lead_id":"{{a.Id}}","from_stage_id":"{{stage["Contato"].Id}}","to_stage_id":"{{stage["Contato"].Id}}","status":"open"}"""),
                    Event("lead.stage_changed", T0.AddDays(3), $$"""{"lead_id":"{{a.Id}}","from_stage_id":"{{stage["Contato"].Id}}","to_stage_id":"{{stage["Ganho"].Id}}","status":"won","owner_id":"{{userId}}"}"""),
                    Event("deal.won", T0.AddDays(3), $$"""{"lead_id":"{{a.Id}}","value":150.0,"currency":"BRL"}"""));
                db.Interactions.Add(new Interaction { TenantId = tenantId, LeadId = b.Id, Type = InteractionType.StatusChange, Text = "Novo → Qualificado", OccurredAt = T0.AddDays(1), CreatedAt = T0.AddDays(1), AuthorId = userId });
                db.Interactions.Add(new Interaction { TenantId = tenantId, LeadId = b.Id, Type = InteractionType.Call, Text = "Liguei", OccurredAt = T0.AddHours(2), CreatedAt = T0.AddHours(2), AuthorId = userId });
                Message Message(MessageDirection direction, DateTime at) => new()
                {
                    TenantId = tenantId, LeadId = a.Id, Direction = direction, Text = "…", Status = direction == MessageDirection.Inbound ? MessageStatus.Received : MessageStatus.Sent,
                    CreatedAt = at, StoredAt = at, AuthorId = direction == MessageDirection.Outbound ? userId : null,
                };
                db.Messages.AddRange(Message(MessageDirection.Inbound, T0.AddHours(1)), Message(MessageDirection.Outbound, T0.AddHours(1.5)),
                    Message(MessageDirection.Inbound, T0.AddHours(3)), Message(MessageDirection.Inbound, T0.AddHours(3.2)));
                await db.SaveChangesAsync();
                foreach (var (table, column) in later)
                    await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\"");

                await db.Database.MigrateAsync();

                var history = await db.LeadStageHistory.OrderBy(h => h.At).ToListAsync();
                var ofA = history.Where(h => h.LeadId == a.Id).ToList();
                Assert.Equal([(null, "Novo"), ("Novo", "Contato"), ("Contato", "Ganho")],
                    ofA.Select(h => (h.FromStageId is { } f ? pipeline.Stages.Single(s => s.Id == f).Name : null, pipeline.Stages.Single(s => s.Id == h.ToStageId).Name)));
                Assert.All(ofA, h => Assert.Equal(StageHistoryOrigin.Event, h.Origin));
                Assert.Equal((10_000L, 20_000L, 15_000L), (ofA[0].ValueCents, ofA[1].ValueCents, ofA[2].ValueCents)); // won: the value deal.won carried
                Assert.Equal((LeadStatus.Open, LeadStatus.Won, 2 * 86400L), (ofA[2].FromStatus!.Value, ofA[2].ToStatus, ofA[2].SecondsInFromStage!.Value));
                Assert.Equal((userId, userId), (ofA[1].ActorId!.Value, ofA[1].OwnerId!.Value));

                var ofB = history.Where(h => h.LeadId == b.Id).ToList();
                Assert.Equal([(StageHistoryOrigin.Lead, (Guid?)null, stage["Novo"].Id, T0), (StageHistoryOrigin.Interaction, stage["Novo"].Id, stage["Qualificado"].Id, T0.AddDays(1))],
                    ofB.Select(h => (h.Origin, h.FromStageId, h.ToStageId, h.At)));
                Assert.Equal(86400L, ofB[1].SecondsInFromStage);
                var ofC = Assert.Single(history, h => h.LeadId == c.Id);
                Assert.Equal((StageHistoryOrigin.Lead, stage["Proposta"].Id, T0.AddDays(4)), (ofC.Origin, ofC.ToStageId, ofC.At));

                var waits = await db.LeadResponses.OrderBy(r => r.WaitingSince).ToListAsync();
                Assert.Equal((T0.AddHours(1.5), 5400L, "whatsapp", userId),
                    waits.Where(w => w.LeadId == a.Id && w.Kind == ResponseKind.FirstContact).Select(w => (w.RespondedAt!.Value, w.Seconds!.Value, w.Channel, w.ResponderId!.Value)).Single());
                Assert.Equal([(T0.AddHours(1), (long?)1800), (T0.AddHours(3), null)],
                    waits.Where(w => w.LeadId == a.Id && w.Kind == ResponseKind.Inbound).Select(w => (w.WaitingSince, w.Seconds)));
                Assert.Equal(("call", 7200L), waits.Where(w => w.LeadId == b.Id).Select(w => (w.Channel!, w.Seconds!.Value)).Single());
                Assert.Null(Assert.Single(waits, w => w.LeadId == c.Id).RespondedAt);
            }
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
            var file = Path.Combine(Path.GetTempPath(), $"salescrm-backfill-{Guid.NewGuid():N}.db");
            var options = new DbContextOptionsBuilder<CrmDbContext>().UseSqlite($"Data Source={file};Pooling=False", o => o.MigrationsAssembly("SalesCrm.Migrations.Sqlite")).Options;
            return (options, () => { File.Delete(file); return Task.CompletedTask; });
        }
        var server = Environment.GetEnvironmentVariable(CrmAppFactory.PostgresVariable) ?? throw new InvalidOperationException($"{CrmAppFactory.PostgresVariable} is not set.");
        var name = "crm_backfill_" + Guid.NewGuid().ToString("N")[..12];
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

public sealed class AnalyticsBackfillTestsOnSqlite() : AnalyticsBackfillTests(TestProvider.Sqlite);

public sealed class AnalyticsBackfillTestsOnPostgres() : AnalyticsBackfillTests(TestProvider.Postgres);
