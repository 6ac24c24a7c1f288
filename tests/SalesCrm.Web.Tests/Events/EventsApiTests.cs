using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Events;

public abstract class EventsApiTests(CrmAppFactory app)
{
    [Fact]
    public async Task The_schema_catalogue_lists_every_event_type()
    {
        var owner = await app.RegisterAsync();
        var schemas = await owner.GetJsonAsync("/api/v1/event-schemas");
        var types = schemas["items"]!.AsArray().Select(s => (string?)s!["type"]).ToList();
        foreach (var type in new[] { "lead.created", "lead.updated", "lead.stage_changed", "lead.assigned", "lead.merged", "lead.deleted", "deal.won", "deal.lost",
                     "interaction.created", "call.completed", "email.sent", "whatsapp.sent", "whatsapp.received", "visit.scheduled", "visit.completed",
                     "meeting.completed", "proposal.sent", "quiz.completed", "mission.completed", "checkin.created", "insight.critical", "workflow.started", "workflow.completed", "workflow.failed" })
            Assert.Contains(type, types);
        Assert.Equal("object", (string?)schemas["items"]![0]!["schema"]!["type"]);
    }

    [Fact]
    public async Task Every_event_the_crm_emits_matches_its_schema_and_names_actor_and_correlation()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var a = (string)(await owner.CreateLeadAsync(new { name = "A", phone = LeadApi.Phone(11) }))["id"]!;
        var b = (string)(await owner.CreateLeadAsync(new { name = "B", email = "b@x.com" }))["id"]!;
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{a}", new { company = "Co" })).ExpectAsync(HttpStatusCode.OK);
        var move = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/leads/{a}/stage") { Content = JsonContent.Create(new { stage_id = stages["Ganho"] }) };
        move.Headers.Add("X-Correlation-ID", "win-123");
        await (await owner.Client.SendAsync(move)).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{b}/stage", new { stage_id = stages["Perdido"], lost_reason = "Preço" })).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{a}/interactions", new { type = "call", text = "ok", duration_seconds = 60 })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{a}/assign", new { owner_id = (Guid?)null })).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PostAsJsonAsync("/api/v1/leads/merge", new { target_id = a, source_id = b })).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.DeleteAsync($"/api/v1/leads/{a}")).ExpectAsync(HttpStatusCode.NoContent);

        var events = (await owner.GetJsonAsync("/api/v1/events?limit=500&order=occurred_at.asc"))["items"]!.AsArray();
        var types = events.Select(e => (string?)e!["type"]).ToHashSet();
        foreach (var expected in new[] { "lead.created", "lead.updated", "lead.stage_changed", "deal.won", "deal.lost", "interaction.created", "call.completed", "lead.assigned", "lead.merged", "lead.deleted" })
            Assert.Contains(expected, types);
        foreach (var e in events)
        {
            var payload = JsonSerializer.Deserialize<JsonElement>(e!["payload"]!.ToJsonString());
            var error = Record.Exception(() => EventCatalog.Validate((string?)e["type"], payload));
            Assert.True(error is null, $"{e["type"]}: {(error as ValidationException)?.Errors.Select(x => $"{x.Key}: {string.Join(",", x.Value)}").FirstOrDefault()} in {e["payload"]!.ToJsonString()}");
            Assert.Equal("user", (string?)e["actor"]!["type"]);
            Assert.Equal(owner.UserId.ToString(), (string?)e["actor"]!["id"]);
        }
        var won = (await owner.GetJsonAsync("/api/v1/events?type=eq.deal.won"))["items"]!.AsArray().Single()!;
        Assert.Equal("win-123", (string?)won["correlation_id"]);
        Assert.Equal(a, (string?)won["lead_id"]);
    }

    [Fact]
    public async Task A_lead_created_in_a_won_or_lost_stage_is_a_closed_deal_with_its_deal_event()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var won = await owner.CreateLeadAsync(new { name = "Fechou na feira", value = 1200.50, stage_id = stages["Ganho"] });
        Assert.Equal("won", (string?)won["status"]);
        var missing = await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Sem motivo", stage_id = stages["Perdido"] }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["lost_reason"]);
        var lost = await owner.CreateLeadAsync(new { name = "Desistiu", stage_id = stages["Perdido"], lost_reason = " Preço " });
        Assert.Equal("lost", (string?)lost["status"]);
        Assert.Equal("Preço", (string?)lost["lost_reason"]);
        var open = await owner.CreateLeadAsync(new { name = "Aberto", stage_id = stages["Contato"], lost_reason = "ignorado" });
        Assert.Null((string?)open["lost_reason"]);

        var wonEvent = (await owner.GetJsonAsync("/api/v1/events?type=eq.deal.won"))["items"]!.AsArray().Single()!;
        Assert.Equal((string?)won["id"], (string?)wonEvent["lead_id"]);
        Assert.Equal(1200.50m, (decimal)wonEvent["payload"]!["value"]!);
        var lostEvent = (await owner.GetJsonAsync("/api/v1/events?type=eq.deal.lost"))["items"]!.AsArray().Single()!;
        Assert.Equal("Preço", (string?)lostEvent["payload"]!["lost_reason"]);
        Assert.Empty((await owner.GetJsonAsync("/api/v1/events?type=eq.deal.won&lead_id=eq." + (string?)open["id"]))["items"]!.AsArray());
    }

    [Fact]
    public async Task Integrators_emit_catalog_events_validated_against_their_schema_and_custom_events()
    {
        var owner = await app.RegisterAsync();
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Quiz taker" }))["id"]!;
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/events", new { type = "quiz.completed", lead_id = lead, payload = new { lead_id = lead, score = 8.5, quiz_id = "perfil" } }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("quiz.completed", (string?)created["type"]);
        Assert.Equal(8.5, (double)created["payload"]!["score"]!);

        var bad = await (await owner.Client.PostAsJsonAsync("/api/v1/events", new { type = "quiz.completed", payload = new { lead_id = lead, score = "alto" } }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("must be a number.", (string?)bad["errors"]!["payload.score"]![0]);
        var missing = await (await owner.Client.PostAsJsonAsync("/api/v1/events", new { type = "deal.won", payload = new { value = 10 } }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal("is required.", (string?)missing["errors"]!["payload.lead_id"]![0]);
        await (await owner.Client.PostAsJsonAsync("/api/v1/events", new { type = "lead.teleported", payload = new { } })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.PostAsJsonAsync("/api/v1/events", new { type = "custom.nps", payload = new[] { 1 } })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var custom = await (await owner.Client.PostAsJsonAsync("/api/v1/events", new { type = "custom.nps.answered", payload = new { score = 10, anything = new { goes = true } } })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("custom.nps.answered", (string?)custom["type"]);

        var other = await app.RegisterAsync();
        await (await other.Client.PostAsJsonAsync("/api/v1/events", new { type = "custom.x", lead_id = lead, payload = new { } })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(0, (int)(await other.GetJsonAsync("/api/v1/events?type=eq.quiz.completed"))["total"]!);
        await (await other.Client.GetAsync($"/api/v1/events/{created["id"]}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await owner.Client.GetAsync("/api/v1/events?kind=eq.x")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_sales_rep_reads_only_the_events_of_leads_they_can_open()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var mine = (string)(await rep.CreateLeadAsync(new { name = "Rep lead" }))["id"]!;
        var theirs = (string)(await owner.CreateLeadAsync(new { name = "Segredo do dono", phone = LeadApi.Phone(4242) }))["id"]!;
        await (await rep.Client.PostAsJsonAsync("/api/v1/events", new { type = "custom.ping", payload = new { hello = "workspace" } })).ExpectAsync(HttpStatusCode.Created);
        var theirEvent = (string)(await owner.GetJsonAsync($"/api/v1/events?lead_id=eq.{theirs}"))["items"]![0]!["id"]!;

        var seen = (await rep.GetJsonAsync("/api/v1/events?limit=500"))["items"]!.AsArray();
        Assert.All(seen, e => Assert.True((string?)e!["lead_id"] is null || (string?)e["lead_id"] == mine, e.ToJsonString()));
        Assert.Contains(seen, e => (string?)e!["lead_id"] == mine);
        Assert.Contains(seen, e => (string?)e!["type"] == "custom.ping");
        Assert.Equal(0, (int)(await rep.GetJsonAsync($"/api/v1/events?lead_id=eq.{theirs}"))["total"]!);
        await (await rep.Client.GetAsync($"/api/v1/events/{theirEvent}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        // An integrator event whose payload names the lead is about that lead, even without the top-level lead_id.
        await (await owner.Client.PostAsJsonAsync("/api/v1/events", new { type = "custom.about", payload = new { lead_id = theirs } })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(0, (int)(await rep.GetJsonAsync("/api/v1/events?type=eq.custom.about"))["total"]!);
        Assert.Equal(theirs, (string?)(await owner.GetJsonAsync("/api/v1/events?type=eq.custom.about"))["items"]![0]!["lead_id"]);
    }

    [Fact]
    public async Task Committed_events_are_handed_to_subscribers_through_the_outbox()
    {
        var owner = await app.RegisterAsync();
        await owner.CreateLeadAsync(new { name = "Dispatched" });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        int pending;
        do
        {
            pending = (int)(await owner.GetJsonAsync("/api/v1/events?dispatched_at=is.null"))["total"]!;
            if (pending > 0) await Task.Delay(100);
        } while (pending > 0 && DateTime.UtcNow < deadline);
        Assert.Equal(0, pending);
        Assert.True((int)(await owner.GetJsonAsync("/api/v1/events?dispatched_at=not.is.null"))["total"]! >= 1);
    }
}

public sealed class EventsApiTestsOnSqlite(SqliteApp app) : EventsApiTests(app), IClassFixture<SqliteApp>;

public sealed class EventsApiTestsOnPostgres(PostgresApp app) : EventsApiTests(app), IClassFixture<PostgresApp>;
