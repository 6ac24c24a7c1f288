using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Messaging;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>Feedback, sessions, static suggestions, templates outside the window, and who may see what.</summary>
public abstract class CopilotRecordsTests(CopilotAppBase app)
{
    [Fact]
    public async Task A_rating_is_stored_and_passed_on_to_the_knowledge_base_for_the_suggestions_chunks()
    {
        var owner = await app.RegisterAsync();
        var playbook = Playbook.Seed(app, owner);
        var answer = await owner.SuggestOkAsync(new { intent = "objection", context = "tá caro esse kit solar" });
        var session = (string)answer["session_id"]!;
        var suggestion = (string)answer["suggestions"]![1]!["id"]!;

        var up = await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/feedback", new { session_id = session, suggestion_id = suggestion, rating = "up", comment = "Funcionou!" }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([playbook.Price.ChunkId, playbook.Product.ChunkId], up["forwarded_chunk_ids"]!.AsArray().Select(c => Guid.Parse((string)c!)));
        var call = Assert.Single(app.Knowledge.Feedback, f => f.TenantId == owner.TenantId);
        Assert.True(call.Positive);
        Assert.Equal([playbook.Price.ChunkId, playbook.Product.ChunkId], call.ChunkIds);

        var rated = await owner.GetJsonAsync("/api/v1/copilot/suggestions?rating=up");
        Assert.Equal(suggestion, (string?)Assert.Single(rated["items"]!.AsArray())!["id"]);
        Assert.Equal("Funcionou!", (string?)rated["items"]![0]!["comment"]);
        Assert.Equal(1, (int)(await owner.GetJsonAsync($"/api/v1/copilot/suggestions?session_id={session}&rating=none"))["total"]!);

        // The same rating again changes nothing in the ranking; the opposite one is passed on.
        var again = await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/feedback", new { session_id = session, suggestion_id = suggestion, rating = "up" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(again["forwarded_chunk_ids"]!.AsArray());
        Assert.Equal("Funcionou!", (string?)again["comment"]);
        await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/feedback", new { session_id = session, suggestion_id = suggestion, rating = "down" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([true, false], app.Knowledge.Feedback.Where(f => f.TenantId == owner.TenantId).Select(f => f.Positive));

        var bad = await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/feedback", new { session_id = session, suggestion_id = suggestion, rating = "meh" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(bad["errors"]!["rating"]);
        await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/feedback", new { session_id = session, suggestion_id = Guid.NewGuid(), rating = "up" }))
            .ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Sessions_suggestions_cache_and_static_suggestions_stay_in_their_workspace()
    {
        var owner = await app.RegisterAsync();
        Playbook.Seed(app, owner);
        var lead = await owner.LeadAsync("Marina Costa");
        var answer = await owner.SuggestOkAsync(new { lead_id = lead, intent = "objection", context = "tá caro esse kit solar" });
        var mine = await owner.GetJsonAsync("/api/v1/copilot/static-suggestions");

        var other = await app.RegisterAsync();
        Assert.Equal(0, (int)(await other.GetJsonAsync("/api/v1/copilot/sessions"))["total"]!);
        Assert.Equal(0, (int)(await other.GetJsonAsync("/api/v1/copilot/suggestions"))["total"]!);
        Assert.Equal(0, (int)(await other.GetJsonAsync("/api/v1/copilot/cache"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/copilot/cache"))["total"]!);
        await (await other.Client.PostAsJsonAsync("/api/v1/copilot/feedback", new { session_id = answer["session_id"], suggestion_id = answer["suggestions"]![0]!["id"], rating = "up" }))
            .ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.SuggestAsync(new { lead_id = lead, intent = "objection" })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var theirs = await other.GetJsonAsync("/api/v1/copilot/static-suggestions");
        Assert.Empty(mine["items"]!.AsArray().Select(i => (string)i!["id"]!).Intersect(theirs["items"]!.AsArray().Select(i => (string)i!["id"]!)));
        var someone = (string)mine["items"]![0]!["id"]!;
        await (await other.Client.PutAsJsonAsync($"/api/v1/copilot/static-suggestions/{someone}", new { text = "x" })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.Client.DeleteAsync($"/api/v1/copilot/static-suggestions/{someone}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        // The other workspace's cache is not served here either.
        Playbook.Seed(app, other);
        var otherLead = await other.LeadAsync("Marina Costa");
        Assert.False((bool)(await other.SuggestOkAsync(new { lead_id = otherLead, intent = "objection", context = "tá caro esse kit solar" }))["cached"]!);
    }

    [Fact]
    public async Task A_rep_who_sees_only_their_leads_cannot_ask_about_anothers_lead_nor_see_others_sessions()
    {
        var owner = await app.RegisterAsync();
        var ownersLead = await owner.LeadAsync("Lead do Dono");
        await owner.SuggestOkAsync(new { lead_id = ownersLead, intent = "closing" });
        var rep = await owner.AddMemberAsync("sales_rep");
        var repsLead = await rep.LeadAsync("Lead da Rep");

        await (await rep.SuggestAsync(new { lead_id = ownersLead, intent = "closing" })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await rep.SuggestOkAsync(new { lead_id = repsLead, intent = "closing" });
        var sessions = await rep.GetJsonAsync("/api/v1/copilot/sessions");
        Assert.Equal(repsLead, (string?)Assert.Single(sessions["items"]!.AsArray())!["lead_id"]);
        Assert.Equal(2, (int)(await owner.GetJsonAsync("/api/v1/copilot/sessions"))["total"]!);
        await (await rep.Client.GetAsync("/api/v1/copilot/cache")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await rep.Client.PostAsJsonAsync("/api/v1/copilot/static-suggestions", new { intent = "closing", text = "x" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var viewer = await owner.AddMemberAsync("viewer");
        await (await viewer.SuggestAsync(new { intent = "closing" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Static_suggestions_start_with_pt_BR_defaults_and_are_managed_per_intent()
    {
        var owner = await app.RegisterAsync();
        var objection = await owner.GetJsonAsync("/api/v1/copilot/static-suggestions?intent=objection");
        Assert.Equal(3, (int)objection["total"]!);
        Assert.StartsWith("Entendo", (string?)objection["items"]![0]!["text"]);
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/static-suggestions", new { intent = "objection", text = "Vamos comparar item por item, {{first_name}}?" }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(3, (int)created["position"]!);
        var updated = await (await owner.Client.PutAsJsonAsync($"/api/v1/copilot/static-suggestions/{created["id"]}", new { text = "Comparamos juntos?", position = 0 }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Comparamos juntos?", (string?)updated["text"]);
        await (await owner.Client.DeleteAsync($"/api/v1/copilot/static-suggestions/{created["id"]}")).ExpectAsync(HttpStatusCode.NoContent);
        var bad = await (await owner.Client.PostAsJsonAsync("/api/v1/copilot/static-suggestions", new { intent = "objection" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(bad["errors"]!["text"]);
        await (await owner.Client.GetAsync("/api/v1/copilot/static-suggestions?intent=haggle")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Outside_the_24_hour_window_approved_templates_are_ranked_for_the_situation()
    {
        var owner = await app.RegisterAsync();
        foreach (var (name, body, status) in new[]
                 {
                     ("oferta_especial", "{{first_name}}, temos uma condição especial nesta semana.", "approved"),
                     ("retomar_contato", "Olá, {{first_name}}! Podemos retomar nossa conversa? Fico à disposição.", "approved"),
                     ("pesquisa", "Oi {{first_name}}, nos avalie de 0 a 10.", "pending"),
                 })
            await (await owner.Client.PostAsJsonAsync("/api/v1/templates", new { name, body, status, language = "pt_BR" })).ExpectAsync(HttpStatusCode.Created);
        var lead = await owner.LeadAsync("Marina Costa");
        var answer = await owner.SuggestOkAsync(new { lead_id = lead, intent = "follow_up" });

        Assert.False((bool)answer["window_open"]!);
        var templates = answer["templates"]!.AsArray();
        Assert.Equal(["retomar_contato", "oferta_especial"], templates.Select(t => (string?)t!["name"]));
        Assert.Equal("Olá, Marina! Podemos retomar nossa conversa? Fico à disposição.", (string?)templates[0]!["text"]);
    }

    [Fact]
    public async Task The_leads_last_inbound_message_is_the_context_when_none_is_given()
    {
        var owner = await app.RegisterAsync();
        Playbook.Seed(app, owner);
        var lead = Guid.Parse(await owner.LeadAsync("Marina Costa"));
        await owner.AsMemberAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var now = DateTime.UtcNow;
            db.Messages.Add(new Message { TenantId = owner.TenantId, LeadId = lead, Direction = MessageDirection.Inbound, Status = MessageStatus.Received, Text = "Achei caro o kit solar", CreatedAt = now.AddMinutes(-5), StoredAt = now });
            db.Messages.Add(new Message { TenantId = owner.TenantId, LeadId = lead, Direction = MessageDirection.Inbound, Status = MessageStatus.Received, Text = "Oi", CreatedAt = now.AddHours(-3), StoredAt = now });
            return await db.SaveChangesAsync();
        });
        var answer = await owner.SuggestOkAsync(new { lead_id = lead, intent = "objection" });

        Assert.True((bool)answer["window_open"]!);
        Assert.Empty(answer["templates"]!.AsArray());
        Assert.Equal("Achei caro o kit solar", (string?)(await owner.GetJsonAsync("/api/v1/copilot/sessions"))["items"]![0]!["context"]);
    }
}

public sealed class CopilotRecordsTestsOnSqlite(CopilotSqliteApp app) : CopilotRecordsTests(app), IClassFixture<CopilotSqliteApp>;

public sealed class CopilotRecordsTestsOnPostgres(CopilotPostgresApp app) : CopilotRecordsTests(app), IClassFixture<CopilotPostgresApp>;
