using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Pipelines;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Analytics;

/// <summary>
/// The reply-wait, traffic and cohort figures as ADR 044 reads them — answered waits, buckets and the reps' figures in one
/// grouped scan, the median looked up inside the bucket that holds it, not-contacted counted from the open waits, the heatmap
/// from the stored hour's text on SQLite, the stage probability as a CASE instead of a join — against the same figures
/// computed in C# from the rows, on a random workspace (ties among the waits' seconds, unanswered waits, waits without a
/// responder, a wait closed without seconds), as the owner and as a rep who sees only their own leads.
/// </summary>
public abstract class AnalyticsResponseFiguresTests(CrmAppFactory app)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly long[] Bounds = [300, 900, 3600, 14400, 86400];

    private sealed record Wait(Guid LeadId, Guid OwnerId, ResponseKind Kind, DateTime Since, DateTime? RespondedAt, Guid? ResponderId, long? Seconds);

    private sealed record Sent(Guid LeadId, Guid OwnerId, MessageDirection Direction, DateTime At);

    private sealed record Made(Guid Id, Guid OwnerId, LeadStatus Status, Guid StageId, long Cents, string Currency, DateTime CreatedAt);

    [Theory]
    [InlineData(3)]
    [InlineData(1044)]
    public async Task Response_speed_to_lead_not_contacted_heatmap_and_weighted_cohort_equal_the_figures_computed_from_the_rows(int seed)
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Own reports", capabilities = new[] { "leads.read", "reports.view" }, visibility = "own" }))
            .ExpectAsync(System.Net.HttpStatusCode.Created);
        var rep = await owner.AddMemberAsync("Own reports");
        var (leads, waits, messages, stages) = await SeedAsync(owner, rep, seed);
        var (from, to) = (new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
        var (start, end) = (Utc(from), Utc(to.AddDays(1)));
        var period = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

        foreach (var (session, visible) in new[] { (owner, (Func<Guid, bool>)(_ => true)), (rep, id => id == rep.UserId) })
        {
            var communication = await session.GetJsonAsync($"/api/v1/analytics/communication?{period}");
            var seen = messages.Where(m => visible(m.OwnerId) && m.At >= start && m.At < end).ToList();
            Assert.Equal((seen.Count(m => m.Direction == MessageDirection.Inbound), seen.Count(m => m.Direction == MessageDirection.Outbound)),
                ((int)communication["whatsapp"]!["inbound"]!, (int)communication["whatsapp"]!["outbound"]!));
            var inPeriod = waits.Where(w => visible(w.OwnerId) && w.Kind == ResponseKind.Inbound && w.RespondedAt >= start && w.RespondedAt < end).ToList();
            AssertDurations(inPeriod, communication["responses"]!);
            Assert.Equal(waits.Count(w => visible(w.OwnerId) && w.Kind == ResponseKind.Inbound && w.RespondedAt is null), (int)communication["responses"]!["waiting"]!);
            var byRep = inPeriod.Where(w => w.ResponderId is not null).GroupBy(w => w.ResponderId!.Value)
                .Select(g => (g.Key.ToString(), g.Count(), Math.Round(g.Sum(w => w.Seconds ?? 0) / 60.0 / g.Count(), 1))).Order();
            Assert.Equal(byRep, communication["by_rep"]!.AsArray().Select(r => ((string)r!["user_id"]!, (int)r["responses"]!, (double)r["avg_minutes"]!)).Order());
            var heat = new int[7, 24];
            foreach (var m in seen.Where(m => m.Direction == MessageDirection.Inbound))
            {
                var local = TimeZoneInfo.ConvertTimeFromUtc(new DateTime(m.At.Year, m.At.Month, m.At.Day, m.At.Hour, 0, 0, DateTimeKind.Utc), Zone);
                heat[(int)local.DayOfWeek, local.Hour]++;
            }
            Assert.Equal(communication["busiest_hours"]!.AsArray().Select(c => heat[(int)c!["day_of_week"]!, (int)c["hour"]!]),
                communication["busiest_hours"]!.AsArray().Select(c => (int)c!["inbound"]!));
            Assert.Equal(seen.Count(m => m.Direction == MessageDirection.Inbound), communication["busiest_hours"]!.AsArray().Sum(c => (int)c!["inbound"]!));

            var report = await session.GetJsonAsync($"/api/v1/analytics/leads?{period}");
            var firstContacts = waits.Where(w => visible(w.OwnerId) && w.Kind == ResponseKind.FirstContact && w.Since >= start && w.Since < end).ToList();
            Assert.Equal(firstContacts.Count, (int)report["speed_to_lead"]!["leads"]!);
            AssertDurations(firstContacts, report["speed_to_lead"]!);
            var waiting = waits.Where(w => w.Kind == ResponseKind.FirstContact && w.RespondedAt is null).Select(w => w.LeadId).ToHashSet();
            Assert.Equal(leads.Count(l => visible(l.OwnerId) && l.Status == LeadStatus.Open && waiting.Contains(l.Id)), (int)report["not_contacted"]!["count"]!);

            var json = await (await session.Client.PostAsJsonAsync("/api/v1/analytics/reports",
                new { metrics = new[] { "leads", "weighted_value" }, dimensions = new[] { "stage" }, from, to })).ExpectAsync(System.Net.HttpStatusCode.OK);
            var columns = json["columns"]!.AsArray().Select(c => (string)c!).ToList();
            var cohort = leads.Where(l => visible(l.OwnerId) && l.CreatedAt >= start && l.CreatedAt < end).ToList();
            var expected = cohort.GroupBy(l => l.StageId).Select(g => (g.Key.ToString(), g.Count(),
                g.Where(l => l.Status == LeadStatus.Open && l.Currency == "BRL").Sum(l => l.Cents * stages[l.StageId]) / 10000m)).Order();
            Assert.Equal(expected, json["rows"]!.AsArray().Select(r => ((string)r![columns.IndexOf("stage")]!, (int)r[columns.IndexOf("leads")]!,
                (decimal)r[columns.IndexOf("weighted_value")]!)).Order());
        }
    }

    /// <summary>Answered count, mean, median and distribution of the waits with seconds among <paramref name="waits"/>.</summary>
    private static void AssertDurations(IReadOnlyCollection<Wait> waits, JsonNode figures)
    {
        var seconds = waits.Where(w => w.Seconds is not null).Select(w => w.Seconds!.Value).Order().ToList();
        Assert.Equal(seconds.Count, (int)figures["answered"]!);
        Assert.Equal(seconds.Count == 0 ? null : Math.Round(seconds.Sum() / (double)seconds.Count / 60, 1), (double?)figures["avg_minutes"]);
        Assert.Equal(seconds.Count == 0 ? null : Math.Round(seconds[seconds.Count / 2] / 60.0, 1), (double?)figures["median_minutes"]);
        var counts = Enumerable.Range(0, Bounds.Length + 1).Select(i => seconds.Count(s => (i == 0 || s > Bounds[i - 1]) && (i == Bounds.Length || s <= Bounds[i])));
        Assert.Equal(counts, figures["distribution"]!.AsArray().Select(d => (int)d!["count"]!));
    }

    private static DateTime Utc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone);

    /// <summary>
    /// 80 random leads of the owner and the rep around October 2026, each with a first-contact wait and up to four inbound
    /// waits (seconds drawn from a few values, so the median has ties), and up to six messages each way.
    /// </summary>
    private async Task<(List<Made> Leads, List<Wait> Waits, List<Sent> Messages, Dictionary<Guid, int> Stages)> SeedAsync(Session owner, Session rep, int seed)
    {
        var random = new Random(seed);
        var start = Utc(new DateOnly(2026, 10, 1));
        var (leads, waits, messages) = (new List<Made>(), new List<Wait>(), new List<Sent>());
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(owner.TenantId, ActorType.System, "test"));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var tenant = await db.Tenants.SingleAsync(t => t.Id == owner.TenantId);
        tenant.Settings = new SalesCrm.Core.Tenancy.TenantSettings { TimeZone = Zone.Id, DefaultCurrency = "BRL" };
        var stages = await db.Stages.ToListAsync();
        Guid?[] responders = [owner.UserId, rep.UserId, null];
        long Seconds() => random.Next(3) == 0 ? new long[] { 240, 600, 3000, 7200, 20000, 90000 }[random.Next(6)] : random.Next(1, 200_000);
        for (var i = 0; i < 80; i++)
        {
            var ownerId = random.Next(3) == 0 ? rep.UserId : owner.UserId;
            var stage = stages[random.Next(stages.Count)];
            var status = stage.Kind switch { StageKind.Won => LeadStatus.Won, StageKind.Lost => LeadStatus.Lost, _ => LeadStatus.Open };
            var at = start.AddMinutes(random.Next(-60 * 24 * 5, 60 * 24 * 36));
            var lead = new Lead
            {
                Name = $"W{i}", OwnerId = ownerId, PipelineId = stage.PipelineId, StageId = stage.Id, Status = status, ValueCents = random.Next(1, 900) * 100L,
                Currency = random.Next(5) == 0 ? "USD" : "BRL", CreatedAt = at, UpdatedAt = at, StageEnteredAt = at,
            };
            db.Leads.Add(lead);
            leads.Add(new Made(lead.Id, ownerId, status, stage.Id, lead.ValueCents, lead.Currency, at));
            var first = random.Next(3) == 0 ? null : (long?)Seconds();
            waits.Add(new Wait(lead.Id, ownerId, ResponseKind.FirstContact, at, first is { } f ? at.AddSeconds(f) : null, first is null ? null : responders[random.Next(3)], first));
            for (var n = random.Next(0, 5); n > 0; n--)
            {
                var since = start.AddMinutes(random.Next(-60 * 24 * 5, 60 * 24 * 36));
                var seconds = random.Next(4) == 0 ? null : (long?)Seconds();
                // Now and then a wait closed without its seconds: counted for its responder, not among the answered.
                var closedBare = seconds is null && random.Next(3) == 0;
                waits.Add(new Wait(lead.Id, ownerId, ResponseKind.Inbound, since, seconds is { } s ? since.AddSeconds(s) : closedBare ? since.AddHours(1) : null,
                    seconds is null && !closedBare ? null : responders[random.Next(3)], seconds));
            }
            for (var n = random.Next(0, 12); n > 0; n--)
            {
                var direction = random.Next(2) == 0 ? MessageDirection.Inbound : MessageDirection.Outbound;
                var when = start.AddSeconds(random.Next(-86400 * 5, 86400 * 36));
                messages.Add(new Sent(lead.Id, ownerId, direction, when));
                db.Messages.Add(new Message
                {
                    LeadId = lead.Id, Direction = direction, Type = MessageType.Text, Text = "oi", CreatedAt = when, StoredAt = when,
                    Status = direction == MessageDirection.Inbound ? MessageStatus.Received : MessageStatus.Read,
                });
            }
        }
        db.LeadResponses.AddRange(waits.Select(w => new LeadResponse
        {
            LeadId = w.LeadId, Kind = w.Kind, WaitingSince = w.Since, RespondedAt = w.RespondedAt, ResponderId = w.ResponderId, Seconds = w.Seconds,
            Channel = w.RespondedAt is null ? null : "whatsapp",
        }));
        await db.SaveChangesAsync();
        return (leads, waits, messages, stages.ToDictionary(s => s.Id, s => s.Probability));
    }
}

public sealed class AnalyticsResponseFiguresTestsOnSqlite(SqliteApp app) : AnalyticsResponseFiguresTests(app), IClassFixture<SqliteApp>;

public sealed class AnalyticsResponseFiguresTestsOnPostgres(PostgresApp app) : AnalyticsResponseFiguresTests(app), IClassFixture<PostgresApp>;
