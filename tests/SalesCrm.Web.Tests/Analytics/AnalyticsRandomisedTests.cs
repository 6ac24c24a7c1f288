using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Analytics;

/// <summary>
/// The report queries tuned for 100,000 leads (ADR 032: one funnel pass per lead, covering indexes, closings read from their own
/// index) against the same figures computed in C# straight from the rows, on a random workspace: leads of two owners in two
/// currencies, paths that skip stages, go back, re-enter a stage, win and lose, around the period's edges, in a zone half an
/// hour off UTC (Asia/Kolkata) so a day's edge is not an hour's. Checked as the owner (every lead) and as a rep who sees only
/// their own.
/// </summary>
public abstract class AnalyticsRandomisedTests(CrmAppFactory app)
{
    private sealed record Row(Guid LeadId, Guid OwnerId, Guid? From, Guid To, LeadStatus? FromStatus, LeadStatus ToStatus, DateTime At, long Cents, string Currency, long? Seconds, string? Reason);

    [Theory]
    [InlineData(7)]
    [InlineData(2026)]
    public async Task Funnel_times_in_stage_and_closings_equal_the_figures_computed_from_the_rows(int seed)
    {
        var (owner, rep) = await WorkspaceAsync();
        var (from, to) = (new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
        var (start, end) = (Utc(from), Utc(to.AddDays(1)));
        var (rows, stages) = await SeedAsync(owner, rep, seed);

        foreach (var (session, visible) in new[] { (owner, (Func<Row, bool>)(_ => true)), (rep, r => r.OwnerId == rep.UserId) })
        {
            var report = await AssertFunnelAsync(session, rows.Where(visible).ToList(), stages, from, to);
            var period = rows.Where(visible).Where(r => r.At >= start && r.At < end).ToList();
            var closings = period.Where(r => r.ToStatus != LeadStatus.Open && (r.FromStatus is null || r.FromStatus != r.ToStatus)).ToList();
            var won = closings.Where(r => r.ToStatus == LeadStatus.Won).ToList();
            var lost = closings.Where(r => r.ToStatus == LeadStatus.Lost).ToList();
            Assert.Equal((won.Count, won.Where(r => r.Currency == "BRL").Sum(r => r.Cents) / 100m), ((int)report["won"]!["count"]!, (decimal)report["won"]!["value"]!));
            Assert.Equal((lost.Count, lost.Where(r => r.Currency == "BRL").Sum(r => r.Cents) / 100m), ((int)report["lost"]!["count"]!, (decimal)report["lost"]!["value"]!));
            Assert.Equal(lost.GroupBy(r => r.Reason!).Select(g => (g.Key, g.Count())).OrderBy(x => x.Key, StringComparer.Ordinal),
                report["lost"]!["by_reason"]!.AsArray().Select(x => ((string)x!["reason"]!, (int)x["count"]!)).OrderBy(x => x.Item1, StringComparer.Ordinal));

            var team = await session.GetJsonAsync($"/api/v1/analytics/team?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
            foreach (var member in team["members"]!.AsArray())
            {
                var id = Guid.Parse((string)member!["user_id"]!);
                Assert.Equal(won.Count(r => r.OwnerId == id), (int)member["won"]!);
                Assert.Equal(lost.Count(r => r.OwnerId == id), (int)member["lost"]!);
                Assert.Equal(won.Where(r => r.OwnerId == id && r.Currency == "BRL").Sum(r => r.Cents) / 100m, (decimal)member["value_won"]!);
            }

            var drill = await session.GetJsonAsync($"/api/v1/analytics/drilldown?figure=won&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&limit=200");
            Assert.Equal(won.Select(r => r.LeadId).Distinct().Count(), (int)drill["total"]!);
        }
    }

    /// <summary>
    /// The roll-up the funnel reads (<see cref="LeadFunnel"/>, kept by triggers) after leads were deleted through the API and
    /// history rows corrected in place: it equals the history grouped by lead and pipeline, and the funnel read from it equals the
    /// rows' figures over a period that holds every path (roll-up only) and over one whose edges the paths cross — as the owner
    /// and as a rep who sees only their own.
    /// </summary>
    [Theory]
    [InlineData(11)]
    [InlineData(404)]
    public async Task Funnel_roll_up_follows_the_history_through_deletes_and_corrections_and_gives_the_rows_figures(int seed)
    {
        var (owner, rep) = await WorkspaceAsync();
        var (rows, stages) = await SeedAsync(owner, rep, seed);
        var leads = rows.Select(r => r.LeadId).Distinct().ToList();
        foreach (var id in leads.Where((_, i) => i % 9 == 4))
        {
            await (await owner.Client.DeleteAsync($"/api/v1/leads/{id}")).ExpectAsync(System.Net.HttpStatusCode.NoContent);
            rows.RemoveAll(r => r.LeadId == id);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(owner.TenantId, ActorType.System, "test"));
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            // Corrections: some changes moved 20 days earlier (out of October for many), one re-pointed at another stage.
            foreach (var row in rows.Where((_, i) => i % 5 == 2).ToList())
            {
                var moved = row with { At = row.At.AddDays(-20), To = rows.IndexOf(row) % 2 == 0 ? stages[^1].Id : row.To };
                Assert.Equal(1, await db.LeadStageHistory.Where(h => h.LeadId == row.LeadId && h.At == row.At && h.ToStageId == row.To)
                    .ExecuteUpdateAsync(u => u.SetProperty(h => h.At, moved.At).SetProperty(h => h.ToStageId, moved.To)));
                rows[rows.IndexOf(row)] = moved;
            }
            var history = await db.LeadStageHistory.AsNoTracking().ToListAsync();
            var expected = history.GroupBy(h => (h.LeadId, h.PipelineId))
                .Select(g => $"{g.Key.LeadId} {g.Key.PipelineId} {g.Min(h => h.At):yyyy-MM-dd HH:mm:ss.fffffff} {g.Max(h => h.At):yyyy-MM-dd HH:mm:ss.fffffff} {string.Join(",", g.Select(h => h.ToStageId).Distinct().Order())}")
                .Order(StringComparer.Ordinal);
            var kept = (await db.LeadFunnels.AsNoTracking().ToListAsync())
                .Select(f => $"{f.LeadId} {f.PipelineId} {f.FirstAt:yyyy-MM-dd HH:mm:ss.fffffff} {f.LastAt:yyyy-MM-dd HH:mm:ss.fffffff} {string.Join(",", f.Stages.Split(',').Select(Guid.Parse).Distinct().Order())}")
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, kept);

            // Each change's previous change and the stages entered from it on, in (time, id) order (ADR 055).
            const string Time = "yyyy-MM-dd HH:mm:ss.fffffff";
            var suffixes = history.GroupBy(h => (h.LeadId, h.PipelineId)).SelectMany(g =>
            {
                var path = g.OrderBy(h => h.At).ThenBy(h => h.Id.ToString(), StringComparer.OrdinalIgnoreCase).ToList();
                return path.Select((h, i) => $"{h.Id} {(i == 0 ? "-" : path[i - 1].At.ToString(Time))} {string.Join(",", path.Skip(i).Select(x => x.ToStageId).Distinct().Order())}");
            }).Order(StringComparer.Ordinal);
            var stored = history.Select(h => $"{h.Id} {(h.PreviousAt is { } p ? p.ToString(Time) : "-")} " +
                                              $"{string.Join(",", (h.StagesFromHere ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Distinct().Order())}")
                .Order(StringComparer.Ordinal);
            Assert.Equal(suffixes, stored);
        }

        // Every path inside; paths crossing both edges; paths starting before a period after whose end nothing changed (the
        // leads counted from their first change in it and the stages from there on, ADR 055), once starting mid-October.
        foreach (var (from, to) in new[]
                 {
                     (new DateOnly(2026, 8, 1), new DateOnly(2027, 1, 31)), (new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)),
                     (new DateOnly(2026, 10, 5), new DateOnly(2027, 1, 31)), (new DateOnly(2026, 10, 20), new DateOnly(2027, 3, 31)),
                 })
        {
            await AssertFunnelAsync(owner, rows, stages, from, to);
            await AssertFunnelAsync(rep, rows.Where(r => r.OwnerId == rep.UserId).ToList(), stages, from, to);
        }
    }

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    private static DateTime Utc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone);

    /// <summary>A workspace in <see cref="Zone"/> with its owner and a rep whose role sees only their own leads and reports.</summary>
    private async Task<(Session Owner, Session Rep)> WorkspaceAsync()
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Own reports", capabilities = new[] { "leads.read", "reports.view" }, visibility = "own" }))
            .ExpectAsync(System.Net.HttpStatusCode.Created);
        return (owner, await owner.AddMemberAsync("Own reports"));
    }

    /// <summary>60 random leads of the owner and the rep in two currencies, with their stage changes around October 2026 in <see cref="Zone"/>.</summary>
    private async Task<(List<Row> Rows, List<Stage> Stages)> SeedAsync(Session owner, Session rep, int seed)
    {
        var zone = Zone;
        var start = Utc(new DateOnly(2026, 10, 1));
        var random = new Random(seed);
        var rows = new List<Row>();
        List<Stage> stages;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(owner.TenantId, ActorType.System, "test"));
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var tenant = await db.Tenants.SingleAsync(t => t.Id == owner.TenantId);
            tenant.Settings = new SalesCrm.Core.Tenancy.TenantSettings { TimeZone = zone.Id, DefaultCurrency = "BRL" };
            var pipelineId = await db.Pipelines.Where(p => p.IsDefault).Select(p => p.Id).FirstAsync();
            stages = await db.Stages.Where(s => s.PipelineId == pipelineId).OrderBy(s => s.Order).ToListAsync();
            for (var i = 0; i < 60; i++)
            {
                var ownerId = random.Next(3) == 0 ? rep.UserId : owner.UserId;
                var currency = random.Next(5) == 0 ? "USD" : "BRL";
                // Around the period: some paths start before it or end after it, some cross its first or last local midnight.
                var at = start.AddHours(random.Next(-24 * 10, 24 * 31));
                var cents = random.Next(1, 500) * 1000L;
                var stage = stages[0];
                var lead = new Lead
                {
                    Name = $"R{i}", OwnerId = ownerId, PipelineId = pipelineId, StageId = stage.Id, ValueCents = cents, Currency = currency,
                    CreatedAt = at, UpdatedAt = at, StageEnteredAt = at,
                };
                db.Leads.Add(lead);
                rows.Add(new Row(lead.Id, ownerId, null, stage.Id, null, LeadStatus.Open, at, cents, currency, null, null));
                for (var moves = random.Next(0, 6); moves > 0 && stage.Kind == StageKind.Open; moves--)
                {
                    var next = random.Next(4) == 0 ? stages[random.Next(stages.Count)] : stages[Math.Min(stages.IndexOf(stage) + 1, stages.Count - 1)];
                    if (next.Id == stage.Id) continue;
                    var seconds = random.Next(60, 86400 * 6);
                    at = at.AddSeconds(seconds);
                    var status = Status(next);
                    var reason = status == LeadStatus.Lost ? (random.Next(2) == 0 ? "Preço" : "Prazo") : null;
                    rows.Add(new Row(lead.Id, ownerId, stage.Id, next.Id, LeadStatus.Open, status, at, cents, currency, seconds, reason));
                    stage = next;
                }
                lead.StageId = stage.Id;
                lead.Status = Status(stage);
                lead.StageEnteredAt = at;
            }
            db.LeadStageHistory.AddRange(rows.Select(r => new LeadStageHistory
            {
                LeadId = r.LeadId, PipelineId = pipelineId, FromStageId = r.From, ToStageId = r.To, FromStatus = r.FromStatus, ToStatus = r.ToStatus,
                LostReason = r.Reason, At = r.At, OwnerId = r.OwnerId, ValueCents = r.Cents, Currency = r.Currency, SecondsInFromStage = r.Seconds,
            }));
            await db.SaveChangesAsync();
        }

        return (rows, stages);
    }

    /// <summary>Entered, days in stage and conversion per stage of the pipeline report over the period, against the visible rows.</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> AssertFunnelAsync(Session session, List<Row> visibleRows, List<Stage> stages, DateOnly from, DateOnly to)
    {
        var (start, end) = (Utc(from), Utc(to.AddDays(1)));
        var report = await session.GetJsonAsync($"/api/v1/analytics/pipeline?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var period = visibleRows.Where(r => r.At >= start && r.At < end).ToList();
        var highest = period.Where(r => stages.Single(s => s.Id == r.To).Kind != StageKind.Lost).GroupBy(r => r.LeadId)
            .Select(g => g.Max(r => stages.Single(s => s.Id == r.To).Order)).ToList();
        var funnel = stages.Where(s => s.Kind != StageKind.Lost).ToList();
        foreach (var stage in stages)
        {
            var figures = report["stages"]!.AsArray().Single(s => (string)s!["stage_id"]! == stage.Id.ToString())!;
            Assert.Equal(period.Where(r => r.To == stage.Id).Select(r => r.LeadId).Distinct().Count(), (int)figures["entered"]!);
            var stays = period.Where(r => r.From == stage.Id && r.Seconds is not null).ToList();
            Assert.Equal(stays.Count == 0 ? null : Math.Round(stays.Average(r => (double)r.Seconds!.Value) / 86400, 2), (double?)figures["avg_days_in_stage"]);
            var index = funnel.IndexOf(stage);
            double? conversion = null;
            if (stage.Kind == StageKind.Open && index >= 0 && index + 1 < funnel.Count)
            {
                var atLeast = highest.Count(h => h >= stage.Order);
                conversion = atLeast == 0 ? null : Math.Round((double)highest.Count(h => h >= funnel[index + 1].Order) / atLeast, 4);
            }
            Assert.Equal(conversion, (double?)figures["conversion_to_next"]);
        }
        return report;
    }

    private static LeadStatus Status(Stage stage) => stage.Kind switch { StageKind.Won => LeadStatus.Won, StageKind.Lost => LeadStatus.Lost, _ => LeadStatus.Open };
}

public sealed class AnalyticsRandomisedTestsOnSqlite(SqliteApp app) : AnalyticsRandomisedTests(app), IClassFixture<SqliteApp>;

public sealed class AnalyticsRandomisedTestsOnPostgres(PostgresApp app) : AnalyticsRandomisedTests(app), IClassFixture<PostgresApp>;
