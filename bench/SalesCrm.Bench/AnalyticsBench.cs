using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;
using SalesCrm.Web.Features.Demo;

namespace SalesCrm.Bench;

/// <summary>
/// Every <c>/api/v1/analytics</c> endpoint over the last 90 days of a workspace of <c>leads</c> leads and about ten logged
/// events per lead (stage history, outbox events, WhatsApp messages with their timeline entries, calls and notes, reply waits),
/// each against the same request on a 500-lead workspace (baseline) in the same run; p50/p95 over <c>runs</c> rounds.
/// </summary>
public static class AnalyticsBench
{
    public static async Task RunAsync(BenchHost host, int leadCount, int requests, int runs, List<string> rows, List<string> notes)
    {
        var big = await host.RegisterAsync("Bench analytics");
        var small = await host.RegisterAsync("Bench analytics small");
        var reps = new List<BenchHost.Account>();
        for (var i = 0; i < 3; i++) reps.Add(await host.AddMemberAsync(big, "manager", $"Bench Manager {i}"));
        var seed = Stopwatch.StartNew();
        // Through the app's generator for a template of TemplateLeads leads (plus the remainder), then copied in SQL up to leadCount.
        var copies = leadCount > 2 * TemplateLeads ? leadCount / TemplateLeads - 1 : 0;
        await host.SeedAsync(big, leadCount - copies * TemplateLeads, openOnly: false, interactionsPerLead: 3, owners: [big, .. reps], more: Events);
        await host.SeedAsync(small, 500, openOnly: false, interactionsPerLead: 3, more: Events);
        var generated = seed.Elapsed;
        await WorkspaceCopies.MultiplyAsync(host, big.TenantId, TemplateLeads, copies);
        await host.AnalyzeAsync();
        var counts = await CountAsync(host, big.TenantId);
        var line = $"Analytics: seeded {counts["leads"]:N0} leads and {counts.Where(c => c.Key != "leads").Sum(c => c.Value):N0} logged rows in the big workspace " +
                   $"({string.Join(", ", counts.Where(c => c.Key != "leads").Select(c => $"{c.Key} {c.Value:N0}"))}) in {seed.Elapsed.TotalSeconds:F0} s " +
                   $"({generated.TotalSeconds:F0} s generating {leadCount - copies * TemplateLeads:N0} + 500 leads, the rest {copies} SQL copies of {TemplateLeads:N0}).";
        Console.WriteLine(line);
        notes.Add(line);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = $"from={today.AddDays(-89):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var report = new { metrics = new[] { "leads", "won", "value_won", "win_rate" }, dimensions = new[] { "source", "month" }, from = today.AddDays(-89), to = today };
        var endpoints = new (string Name, Func<HttpClient, Task<HttpResponseMessage>> Call)[]
        {
            ("pipeline", c => c.GetAsync($"/api/v1/analytics/pipeline?{period}")),
            ("leads", c => c.GetAsync($"/api/v1/analytics/leads?{period}&group_by=source")),
            ("communication", c => c.GetAsync($"/api/v1/analytics/communication?{period}")),
            ("team", c => c.GetAsync($"/api/v1/analytics/team?{period}")),
            ("marketing", c => c.GetAsync($"/api/v1/analytics/marketing?{period}")),
            ("forecast", c => c.GetAsync("/api/v1/analytics/forecast")),
            ("reports (2 dims, json)", c => c.PostAsJsonAsync("/api/v1/analytics/reports", report)),
            ("drilldown won", c => c.GetAsync($"/api/v1/analytics/drilldown?figure=won&{period}")),
            ("drilldown messages in", c => c.GetAsync($"/api/v1/analytics/drilldown?figure=messages&direction=in&{period}")),
            ("drilldown messages Mon 10h", c => c.GetAsync($"/api/v1/analytics/drilldown?figure=messages&direction=in&weekday=1&hour=10&{period}")),
        };
        var clients = new[] { host.Http(big.Token), host.Http(small.Token) };
        var samples = endpoints.Select(_ => clients.Select(_ => new List<IReadOnlyList<double>>()).ToArray()).ToArray();
        for (var run = 0; run < runs; run++)
            for (var e = 0; e < endpoints.Length; e++)
                for (var c = 0; c < clients.Length; c++)
                    samples[e][c].Add(await TimeAsync(clients[c], endpoints[e].Call, requests));
        var worst = 0.0;
        for (var e = 0; e < endpoints.Length; e++)
        {
            rows.Add(Stats.Row($"analytics/{endpoints[e].Name} @ {leadCount:N0} leads", samples[e][0]));
            rows.Add(Stats.Row("  same @ 500 leads (baseline)", samples[e][1]));
            worst = Math.Max(worst, Stats.MedianOf(samples[e][0], 95));
        }
        notes.Add($"Analytics: slowest endpoint p95 (median of runs) {worst.ToString("F0", CultureInfo.InvariantCulture)} ms @ {leadCount:N0} leads (target < 300 ms).");
    }

    /// <summary>
    /// Per lead of a batch: a WhatsApp conversation of 0–6 messages (customer first, answered by the owner minutes later) with
    /// their timeline entries, and the outbox events the app records for what the batch holds: <c>lead.created</c> and
    /// <c>lead.stage_changed</c> per move, <c>deal.won</c> / <c>deal.lost</c> per closing, <c>whatsapp.received</c> /
    /// <c>whatsapp.sent</c> per message, <c>interaction.created</c> per logged call, meeting, visit or note and
    /// <c>call.completed</c> (meeting, visit) for those — about 10 events per lead, the issue's "1M events" at 100,000 leads.
    /// </summary>
    internal static IEnumerable<object> Events(DemoData.Batch batch, Random random)
    {
        var logged = batch.Interactions.ToList();
        foreach (var lead in batch.Leads)
        {
            var at = lead.CreatedAt.AddMinutes(random.Next(5, 600));
            for (var i = random.Next(0, 7); i > 0; i--)
            {
                var inbound = i % 2 == 0;
                var message = new Message
                {
                    TenantId = lead.TenantId, LeadId = lead.Id, Direction = inbound ? MessageDirection.Inbound : MessageDirection.Outbound, Type = MessageType.Text,
                    Text = inbound ? "Oi, tudo bem?" : "Olá! Como posso ajudar?", Status = inbound ? MessageStatus.Received : MessageStatus.Read,
                    AuthorId = inbound ? null : lead.OwnerId, CreatedAt = at, StoredAt = at,
                };
                var entry = MessageTimeline.EntryFor(message, message.AuthorId, inbound ? lead.Name : "Bench");
                batch.Interactions.Add(entry);
                yield return message;
                yield return entry;
                yield return Event(lead.TenantId, lead.Id, inbound ? EventTypes.WhatsAppReceived : EventTypes.WhatsAppSent, at,
                    $$"""{"lead_id":"{{lead.Id}}","message_id":"{{message.Id}}"}""");
                at = at.AddMinutes(random.Next(1, 240));
            }
        }
        foreach (var h in batch.History)
        {
            yield return Event(h.TenantId, h.LeadId, h.FromStageId is null ? EventTypes.LeadCreated : EventTypes.LeadStageChanged, h.At,
                $$"""{"lead_id":"{{h.LeadId}}","to_stage_id":"{{h.ToStageId}}"}""");
            if (h.ToStatus != h.FromStatus && h.ToStatus is LeadStatus.Won or LeadStatus.Lost)
                yield return Event(h.TenantId, h.LeadId, h.ToStatus == LeadStatus.Won ? EventTypes.DealWon : EventTypes.DealLost, h.At, $$"""{"lead_id":"{{h.LeadId}}"}""");
        }
        foreach (var i in logged)
        {
            var payload = $$"""{"lead_id":"{{i.LeadId}}","interaction_id":"{{i.Id}}"}""";
            yield return Event(i.TenantId, i.LeadId, EventTypes.InteractionCreated, i.CreatedAt, payload);
            var completed = i.Type switch
            {
                InteractionType.Call => EventTypes.CallCompleted, InteractionType.Meeting => EventTypes.MeetingCompleted, InteractionType.Visit => EventTypes.VisitCompleted, _ => null,
            };
            if (completed is not null) yield return Event(i.TenantId, i.LeadId, completed, i.CreatedAt, payload);
        }
    }

    private static CrmEvent Event(Guid tenantId, Guid leadId, string type, DateTime at, string payload) =>
        new() { TenantId = tenantId, LeadId = leadId, Type = type, OccurredAt = at, Payload = payload, DispatchedAt = at };

    /// <summary>Leads generated through the app's bulk generator before the rest is copied in SQL (<see cref="WorkspaceCopies"/>).</summary>
    internal const int TemplateLeads = 2_000;

    /// <summary>The workspace's leads and its logged rows per kind.</summary>
    private static async Task<Dictionary<string, long>> CountAsync(BenchHost host, Guid tenantId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return new Dictionary<string, long>
        {
            ["leads"] = await db.Leads.IgnoreQueryFilters().LongCountAsync(l => l.TenantId == tenantId),
            ["stage changes"] = await db.LeadStageHistory.IgnoreQueryFilters().LongCountAsync(h => h.TenantId == tenantId),
            ["events"] = await db.Events.IgnoreQueryFilters().LongCountAsync(e => e.TenantId == tenantId),
            ["messages"] = await db.Messages.IgnoreQueryFilters().LongCountAsync(m => m.TenantId == tenantId),
            ["timeline entries"] = await db.Interactions.IgnoreQueryFilters().LongCountAsync(i => i.TenantId == tenantId),
            ["reply waits"] = await db.LeadResponses.IgnoreQueryFilters().LongCountAsync(r => r.TenantId == tenantId),
            ["activities"] = await db.Activities.IgnoreQueryFilters().LongCountAsync(a => a.TenantId == tenantId),
        };
    }

    private static async Task<IReadOnlyList<double>> TimeAsync(HttpClient client, Func<HttpClient, Task<HttpResponseMessage>> call, int n)
    {
        for (var i = 0; i < 3; i++) (await call(client)).EnsureSuccessStatusCode();
        var samples = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            var response = await call(client);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return samples;
    }
}
