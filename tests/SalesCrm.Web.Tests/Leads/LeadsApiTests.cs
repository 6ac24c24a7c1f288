using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Leads;

public abstract class LeadsApiTests(CrmAppFactory app)
{
    [Fact]
    public async Task Creating_a_lead_normalizes_contacts_scores_it_and_puts_it_in_the_first_stage()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Ana Paula", phone = "(11) 98765-4321", email = " Ana@Exemplo.COM ", company = "Ótica", value = 1234.56, source = "instagram", tags = new[] { "VIP", "vip" }, custom_fields = new { city = "São Paulo" } });
        Assert.Equal("+5511987654321", (string?)lead["phone"]);
        Assert.Equal(stages["Novo"], (string?)lead["stage_id"]);
        Assert.Equal(owner.UserId.ToString(), (string?)lead["owner_id"]);
        Assert.Equal(1234.56m, (decimal)lead["value"]!);
        Assert.Equal(["vip"], lead["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("São Paulo", (string?)lead["custom_fields"]!["city"]);
        Assert.InRange((int)lead["score"]!, 1, 100);
        Assert.Equal(25, (int)lead["score_breakdown"]!["completeness"]!);
        Assert.Equal(1, (int)lead["version"]!);
    }

    [Fact]
    public async Task Invalid_lead_fields_return_400_naming_each_field()
    {
        var owner = await app.RegisterAsync();
        var problem = await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "", phone = "123", email = "nope", value = -1, currency = "REAIS", custom_fields = new[] { 1 } }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        foreach (var field in new[] { "name", "phone", "email", "value", "currency", "custom_fields" })
            Assert.True(problem["errors"]!.AsObject().ContainsKey(field), field);
        await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "X", source = "tiktok" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_lead_with_a_known_phone_or_email_merges_into_the_existing_one()
    {
        var owner = await app.RegisterAsync();
        var first = await owner.CreateLeadAsync(new { name = "João", phone = "11987650000", source = "whatsapp" });
        var again = await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "João S.", phone = "+55 11 98765-0000", email = "joao@x.com", source = "meta_ads" });
        var merged = await again.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("true", again.Headers.GetValues("X-Lead-Merged").Single());
        Assert.Equal((string?)first["id"], (string?)merged["id"]);
        Assert.Equal(["whatsapp", "meta_ads"], merged["sources"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("joao@x.com", (string?)merged["email"]);
        var byEmail = await owner.CreateLeadAsync(new { name = "Other", email = "JOAO@x.com" }, HttpStatusCode.OK);
        Assert.Equal((string?)first["id"], (string?)byEmail["id"]);
        var timeline = await owner.GetJsonAsync($"/api/v1/leads/{first["id"]}/interactions");
        Assert.Contains("Captured again from meta_ads.", timeline.ToJsonString());
        var list = await owner.GetJsonAsync("/api/v1/leads");
        Assert.Equal(1, (int)list["total"]!);
    }

    [Fact]
    public async Task Lists_filter_order_page_and_select_with_the_postgrest_grammar()
    {
        var owner = await app.RegisterAsync();
        for (var i = 0; i < 12; i++)
            await owner.CreateLeadAsync(new { name = $"Lead {i:D2}", value = i * 100, source = i % 2 == 0 ? "whatsapp" : "website", priority = i < 3 ? "high" : "normal", tags = i % 3 == 0 ? new[] { "vip" } : [], company = i == 5 ? null : $"Empresa {i}" });
        var page = await owner.GetJsonAsync("/api/v1/leads?source=eq.whatsapp&value=gte.400&order=value.desc&limit=2&offset=1&select=name,value");
        Assert.Equal(4, (int)page["total"]!);
        Assert.Equal(2, (int)page["limit"]!);
        Assert.Equal(1, (int)page["offset"]!);
        Assert.Equal(["Lead 08", "Lead 06"], page["items"]!.AsArray().Select(i => (string?)i!["name"]));
        Assert.Equal(2, page["items"]![0]!.AsObject().Count);

        Assert.Equal(3, (int)(await owner.GetJsonAsync("/api/v1/leads?priority=in.(high,urgent)"))["total"]!);
        Assert.Equal(4, (int)(await owner.GetJsonAsync("/api/v1/leads?tags=cs.{vip}"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads?company=is.null"))["total"]!);
        Assert.Equal(11, (int)(await owner.GetJsonAsync("/api/v1/leads?company=not.is.null"))["total"]!);
        Assert.Equal(2, (int)(await owner.GetJsonAsync("/api/v1/leads?name=like.Lead*1"))["total"]!);
        Assert.Equal(12, (int)(await owner.GetJsonAsync("/api/v1/leads?name=ilike.lead*"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads?q=empresa 7"))["total"]!);
        Assert.Equal(11, (int)(await owner.GetJsonAsync("/api/v1/leads?value=neq.0"))["total"]!);
        var ordered = await owner.GetJsonAsync("/api/v1/leads?order=priority.asc,name.desc&limit=1");
        Assert.Equal("Lead 02", (string?)ordered["items"]![0]!["name"]);
    }

    [Fact]
    public async Task Text_search_ignores_case_and_accents_in_names_companies_and_emails()
    {
        var owner = await app.RegisterAsync();
        var erica = await owner.CreateLeadAsync(new { name = "Érica Gonçalves", company = "Padaria São João", email = "Erica.G@Example.com" });
        await owner.CreateLeadAsync(new { name = "Ângela Araújo", company = "Ótica Central" });
        async Task<string[]> FindAsync(string q) =>
            (await owner.GetJsonAsync($"/api/v1/leads?q={Uri.EscapeDataString(q)}"))["items"]!.AsArray().Select(i => (string)i!["name"]!).ToArray();

        foreach (var q in new[] { "érica", "erica", "ERICA", "ÉRICA", "goncalves", "GONÇALVES", "sao joao", "SÃO JOÃO", "erica.g@example" })
            Assert.Equal(["Érica Gonçalves"], await FindAsync(q));
        Assert.Equal(["Ângela Araújo"], await FindAsync("angela araujo"));
        Assert.Equal(["Ângela Araújo"], await FindAsync("otica"));
        Assert.Empty(await FindAsync("érika"));

        // A rename is searchable at once, and the audit log shows the rename, not the derived search text.
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{erica["id"]}", new { name = "Érika Gonçalves", version = (int)erica["version"]! })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Érika Gonçalves"], await FindAsync("erika"));
        var update = (await owner.GetJsonAsync($"/api/v1/audit-logs?entity=Lead&entity_id={erica["id"]}&action=update"))["items"]![0]!;
        Assert.NotNull(update["changes"]!["Name"]);
        Assert.Null(update["changes"]!["SearchText"]);
    }

    [Theory]
    [InlineData("nope=eq.1", "nope")]
    [InlineData("value=xx.1", "value")]
    [InlineData("value=gt.abc", "value")]
    [InlineData("source=eq.tiktok", "source")]
    [InlineData("created_at=gt.yesterday", "created_at")]
    [InlineData("order=name.sideways", "order")]
    [InlineData("order=tags.asc", "order")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=x", "limit")]
    [InlineData("select=name,password", "select")]
    [InlineData("priority=in.high", "priority")]
    [InlineData("status=gt.open", "status")]
    public async Task Bad_filters_return_400_naming_the_parameter(string query, string field)
    {
        var owner = await app.RegisterAsync();
        await owner.CreateLeadAsync(new { name = "A" });
        var problem = await (await owner.Client.GetAsync($"/api/v1/leads?{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task Patching_with_a_stale_version_returns_409_and_keeps_the_winner()
    {
        var owner = await app.RegisterAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Versioned" });
        var id = (string)lead["id"]!;
        var updated = await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{id}", new { company = "Winner", expected_version = 1 })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)updated["version"]!);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{id}", new { company = "Loser", expected_version = 1 })).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal("Winner", (string?)(await owner.GetJsonAsync($"/api/v1/leads/{id}"))["company"]);
    }

    [Fact]
    public async Task Moving_a_lead_with_a_stale_version_returns_409()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var id = (string)(await owner.CreateLeadAsync(new { name = "Mover" }))["id"]!;
        var moved = await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage_id = stages["Contato"], expected_version = 1 })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(stages["Contato"], (string?)moved["stage_id"]);
        var conflict = await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{id}/stage", new { stage_id = stages["Proposta"], expected_version = 1 });
        await conflict.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(stages["Contato"], (string?)(await owner.GetJsonAsync($"/api/v1/leads/{id}"))["stage_id"]);
    }

    [Fact]
    public async Task Stage_moves_order_cards_log_status_changes_and_close_deals()
    {
        var owner = await app.RegisterAsync();
        var stages = await owner.StagesAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((string)(await owner.CreateLeadAsync(new { name = $"C{i}", stage_id = stages["Contato"] }))["id"]!);
        var mover = (string)(await owner.CreateLeadAsync(new { name = "Mover" }))["id"]!;
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{mover}/stage", new { stage_id = stages["Contato"], position = 1 })).ExpectAsync(HttpStatusCode.OK);
        var column = await owner.GetJsonAsync($"/api/v1/leads?stage_id=eq.{stages["Contato"]}&order=position.asc&select=name");
        Assert.Equal(["C0", "Mover", "C1", "C2"], column["items"]!.AsArray().Select(i => (string?)i!["name"]));

        var lostWithoutReason = await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{mover}/stage", new { stage_id = stages["Perdido"] });
        var problem = await lostWithoutReason.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["lost_reason"]);
        var lost = await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{mover}/stage", new { stage_id = stages["Perdido"], lost_reason = "Preço" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("lost", (string?)lost["status"]);
        Assert.Equal("Preço", (string?)lost["lost_reason"]);
        var won = await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{ids[0]}/stage", new { stage_id = stages["Ganho"] })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("won", (string?)won["status"]);
        Assert.Equal(100, (int)won["score"]!);

        var timeline = await owner.GetJsonAsync($"/api/v1/leads/{mover}/interactions?type=status_change");
        Assert.Equal(["Contato → Perdido: Preço", "Novo → Contato"], timeline["items"]!.AsArray().Select(i => (string?)i!["text"]));
        var events = await owner.GetJsonAsync($"/api/v1/audit-logs?entity=Lead&entity_id={mover}");
        Assert.True((int)events["total"]! >= 3);
    }

    [Fact]
    public async Task Prefer_return_minimal_answers_204_without_a_body()
    {
        var owner = await app.RegisterAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/leads") { Content = JsonContent.Create(new { name = "Minimal" }) };
        request.Headers.Add("Prefer", "return=minimal");
        var response = await owner.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("/api/v1/leads/", response.Headers.Location!.ToString());
        var patch = new HttpRequestMessage(HttpMethod.Patch, response.Headers.Location) { Content = JsonContent.Create(new { company = "X" }) };
        patch.Headers.Add("Prefer", "return=minimal");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.SendAsync(patch)).StatusCode);
    }

    [Fact]
    public async Task Assigning_scoring_deleting_and_merging_work()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var id = (string)(await owner.CreateLeadAsync(new { name = "To assign", phone = LeadApi.Phone(1) }))["id"]!;
        var assigned = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/assign", new { owner_id = rep.UserId })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(rep.UserId.ToString(), (string?)assigned["owner_id"]);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{id}/assign", new { owner_id = Guid.NewGuid() })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.PostAsync($"/api/v1/leads/{id}/score", null)).ExpectAsync(HttpStatusCode.OK);

        var other = (string)(await owner.CreateLeadAsync(new { name = "Duplicate by hand", email = "dup@x.com", tags = new[] { "b" } }))["id"]!;
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{other}/interactions", new { type = "call", text = "Falei com ele", duration_seconds = 120 })).ExpectAsync(HttpStatusCode.Created);
        var merged = await (await owner.Client.PostAsJsonAsync("/api/v1/leads/merge", new { target_id = id, source_id = other })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("dup@x.com", (string?)merged["email"]);
        Assert.Contains("b", merged["tags"]!.AsArray().Select(t => (string?)t));
        var timeline = await owner.GetJsonAsync($"/api/v1/leads/{id}/interactions");
        Assert.Contains("Falei com ele", timeline.ToJsonString());
        await owner.GetJsonAsync($"/api/v1/leads/{other}", HttpStatusCode.NotFound);

        await (await owner.Client.DeleteAsync($"/api/v1/leads/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await owner.Client.GetAsync($"/api/v1/leads/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Fact]
    public async Task Leads_never_cross_tenants()
    {
        var alice = await app.RegisterAsync();
        var mallory = await app.RegisterAsync();
        var id = (string)(await alice.CreateLeadAsync(new { name = "Alice's lead", phone = LeadApi.Phone(2) }))["id"]!;
        await (await mallory.Client.GetAsync($"/api/v1/leads/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await mallory.Client.PatchAsJsonAsync($"/api/v1/leads/{id}", new { name = "pwned" })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await mallory.Client.DeleteAsync($"/api/v1/leads/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await mallory.Client.GetAsync($"/api/v1/leads/{id}/interactions")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, (int)(await mallory.GetJsonAsync($"/api/v1/leads?id=eq.{id}"))["total"]!);
        // The same phone in another tenant is a different person there, not a duplicate.
        var own = await mallory.CreateLeadAsync(new { name = "Mallory's", phone = LeadApi.Phone(2) });
        Assert.NotEqual(id, (string?)own["id"]);
        var aliceStages = await alice.StagesAsync();
        await (await mallory.Client.PatchAsJsonAsync($"/api/v1/leads/{own["id"]}/stage", new { stage_id = aliceStages["Contato"] })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Capabilities_guard_reading_writing_deleting_and_exporting()
    {
        var owner = await app.RegisterAsync();
        var viewer = await owner.AddMemberAsync("viewer");
        var rep = await owner.AddMemberAsync("sales_rep");
        var id = (string)(await owner.CreateLeadAsync(new { name = "Guarded" }))["id"]!;
        await viewer.GetJsonAsync("/api/v1/leads");
        await (await viewer.Client.PostAsJsonAsync("/api/v1/leads", new { name = "No" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await viewer.Client.PatchAsJsonAsync($"/api/v1/leads/{id}", new { name = "No" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await rep.Client.DeleteAsync($"/api/v1/leads/{id}")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await rep.Client.GetAsync("/api/v1/leads/export?format=csv")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await app.CreateClient().GetAsync("/api/v1/leads")).ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task A_sales_rep_sees_and_changes_only_their_own_leads()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var mine = (string)(await rep.CreateLeadAsync(new { name = "Rep's own" }))["id"]!;
        var theirs = (string)(await owner.CreateLeadAsync(new { name = "Owner's" }))["id"]!;
        var list = await rep.GetJsonAsync("/api/v1/leads");
        Assert.Equal(["Rep's own"], list["items"]!.AsArray().Select(i => (string?)i!["name"]));
        await (await rep.Client.GetAsync($"/api/v1/leads/{theirs}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await rep.Client.PatchAsJsonAsync($"/api/v1/leads/{theirs}", new { name = "x" })).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, (int)(await rep.GetJsonAsync("/api/v1/leads?q=Owner"))["total"]!);
        Assert.Equal(2, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
        // A lead handed to the rep becomes visible to them.
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{theirs}/assign", new { owner_id = rep.UserId })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)(await rep.GetJsonAsync("/api/v1/leads"))["total"]!);
        Assert.NotNull(mine);
    }

    [Fact]
    public async Task Leads_arriving_through_an_api_key_are_assigned_round_robin_to_sales_reps()
    {
        var owner = await app.RegisterAsync();
        var rep1 = await owner.AddMemberAsync("sales_rep");
        var rep2 = await owner.AddMemberAsync("sales_rep");
        var client = await owner.LeadsApiKeyClientAsync("forms");
        var owners = new List<string?>();
        for (var i = 0; i < 4; i++)
            owners.Add((string?)(await (await client.PostAsJsonAsync("/api/v1/leads", new { name = $"Inbound {i}" })).ExpectAsync(HttpStatusCode.Created))["owner_id"]);
        Assert.Equal(2, owners.Count(o => o == rep1.UserId.ToString()));
        Assert.Equal(2, owners.Count(o => o == rep2.UserId.ToString()));
        Assert.NotEqual(owners[0], owners[1]);
    }
}

public sealed class LeadsApiTestsOnSqlite(SqliteApp app) : LeadsApiTests(app), IClassFixture<SqliteApp>;

public sealed class LeadsApiTestsOnPostgres(PostgresApp app) : LeadsApiTests(app), IClassFixture<PostgresApp>;
