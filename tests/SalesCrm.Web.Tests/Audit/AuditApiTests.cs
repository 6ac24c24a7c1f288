using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Common;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Audit;

public abstract class AuditApiTests(CrmAppFactory app)
{
    [Fact]
    public async Task Creating_and_updating_a_role_is_audited_with_actor_and_changed_fields()
    {
        var owner = await app.RegisterAsync();
        var role = await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Closer", capabilities = new[] { "leads.read" } })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/roles/{role["id"]}", new { name = "Closer 2" })).ExpectAsync(HttpStatusCode.OK);

        var logs = await (await owner.Client.GetAsync($"/api/v1/audit-logs?entity=Role&entity_id={role["id"]}")).ExpectAsync(HttpStatusCode.OK);
        var items = logs["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        var update = items[0]!;
        Assert.Equal("update", (string?)update["action"]);
        Assert.Equal("User", (string?)update["actor_type"]);
        Assert.Equal(owner.UserId.ToString(), (string?)update["actor_id"]);
        Assert.Equal("Closer", (string?)update["changes"]!["Name"]!["old"]);
        Assert.Equal("Closer 2", (string?)update["changes"]!["Name"]!["new"]);
        Assert.Null(update["changes"]!["Capabilities"]);
        Assert.Equal("create", (string?)items[1]!["action"]);
    }

    [Fact]
    public async Task Changes_made_with_an_api_key_name_the_key_as_actor_and_secrets_are_masked()
    {
        var owner = await app.RegisterAsync();
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Robot", scopes = new[] { "users.manage" } })).ExpectAsync(HttpStatusCode.Created);
        var keyClient = app.CreateClient();
        keyClient.DefaultRequestHeaders.Add("X-Api-Key", (string)created["key"]!);
        await (await keyClient.PostAsJsonAsync("/api/v1/roles", new { name = "By robot", capabilities = Array.Empty<string>() })).ExpectAsync(HttpStatusCode.Created);

        var logs = await (await owner.Client.GetAsync("/api/v1/audit-logs?entity=Role&action=create")).ExpectAsync(HttpStatusCode.OK);
        var entry = logs["items"]!.AsArray().Single(i => (string?)i!["changes"]!["Name"]!["new"] == "By robot")!;
        Assert.Equal("ApiKey", (string?)entry["actor_type"]);
        Assert.Equal((string?)created["id"], (string?)entry["actor_id"]);

        var keyLog = await (await owner.Client.GetAsync("/api/v1/audit-logs?entity=ApiKey")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("***", (string?)keyLog["items"]![0]!["changes"]!["SecretHash"]!["new"]);
    }

    [Fact]
    public async Task An_encrypted_secret_is_masked_in_the_audit_log_like_a_plain_one()
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/crm", events = new[] { "lead.created" }, secret = "whsec_" + new string('a', 32) })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/whatsapp", new { phone_number_id = Random.Shared.NextInt64(7_000_000_000, 7_999_999_999).ToString(), access_token = "EAAG-secret-token" })).ExpectAsync(HttpStatusCode.OK);

        var logs = await (await owner.Client.GetAsync("/api/v1/audit-logs?limit=100")).ExpectAsync(HttpStatusCode.OK);
        var text = logs.ToJsonString();
        var subscription = logs["items"]!.AsArray().Single(i => (string?)i!["entity"] == "WebhookSubscription")!;
        Assert.Equal("***", (string?)subscription["changes"]!["SecretProtected"]!["new"]);
        Assert.DoesNotContain("EAAG-secret-token", text);
        Assert.DoesNotContain("CfDJ8", text); // the prefix of every Data Protection payload
    }

    [Fact]
    public async Task A_settings_manager_who_sees_only_their_own_leads_reads_only_their_leads_entries()
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Own settings", capabilities = new[] { "leads.read", "leads.write", "settings.manage" }, visibility = "own" })).ExpectAsync(HttpStatusCode.Created);
        var manager = await owner.AddMemberAsync("Own settings");
        var mine = (string)(await manager.CreateLeadAsync(new { name = "Lead do gerente" }))["id"]!;
        var theirs = (string)(await owner.CreateLeadAsync(new { name = "Lead secreto", phone = LeadApi.Phone(777) }))["id"]!;
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{theirs}/interactions", new { type = "note", text = "Nota secreta" })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = theirs, type = "call", title = "Tarefa secreta", due_at = DateTime.UtcNow.AddDays(1) })).ExpectAsync(HttpStatusCode.Created);
        Assert.Contains("Lead secreto", (await owner.GetJsonAsync("/api/v1/audit-logs?limit=500")).ToJsonString());

        var entries = (await manager.GetJsonAsync("/api/v1/audit-logs?limit=500"))["items"]!.AsArray();
        var text = entries.ToJsonString();
        Assert.DoesNotContain("secret", text);
        Assert.DoesNotContain(theirs, text);
        Assert.Contains(entries, e => (string?)e!["entity"] == "Lead" && (string?)e["entity_id"] == mine);
        Assert.Contains(entries, e => (string?)e!["entity"] == "Role");
        Assert.Equal(0, (int)(await manager.GetJsonAsync($"/api/v1/audit-logs?entity_id={theirs}"))["total"]!);
    }

    [Fact]
    public async Task References_name_the_leads_members_stages_and_pipelines_of_entries_but_only_leads_the_reader_may_see()
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Own settings", capabilities = new[] { "leads.read", "settings.manage" }, visibility = "own" })).ExpectAsync(HttpStatusCode.Created);
        var manager = await owner.AddMemberAsync("Own settings");
        var stages = await owner.StagesAsync();
        var pipeline = (await owner.GetJsonAsync("/api/v1/pipelines"))["items"]![0]!;
        var theirs = (string)(await owner.CreateLeadAsync(new { name = "Lead da Olivia", stage_id = stages["Novo"] }))["id"]!;
        var mine = (string)(await owner.CreateLeadAsync(new { name = "Lead do gerente", stage_id = stages["Novo"], owner_id = manager.UserId }))["id"]!;
        var stranger = await app.RegisterAsync();
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{theirs}", new { company = stranger.UserId.ToString() })).ExpectAsync(HttpStatusCode.OK);
        var visit = await (await owner.Client.PostAsJsonAsync($"/api/v1/pipelines/{pipeline["id"]}/stages", new { name = "Visita" })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.DeleteAsync($"/api/v1/pipelines/{pipeline["id"]}/stages/{visit["id"]}")).ExpectAsync(HttpStatusCode.NoContent);

        var entries = await owner.AsMemberAsync(sp => sp.GetRequiredService<AuditQuery>().ListAsync(new AuditFilter(), new PageRequest(200)));
        var names = await owner.AsMemberAsync(sp => sp.GetRequiredService<AuditQuery>().ReferencesAsync(entries.Items));
        Assert.Equal(("Lead", "Lead da Olivia", "BRL"), (names[Guid.Parse(theirs)].Entity, names[Guid.Parse(theirs)].Name, names[Guid.Parse(theirs)].Currency));
        Assert.Equal("Lead do gerente", names[Guid.Parse(mine)].Name);
        Assert.Equal(("AppUser", "Member"), (names[manager.UserId].Entity, names[manager.UserId].Name)); // the lead's OwnerId
        Assert.Equal(("Stage", "Novo", Guid.Parse((string)pipeline["id"]!)), (names[Guid.Parse(stages["Novo"])].Entity, names[Guid.Parse(stages["Novo"])].Name, names[Guid.Parse(stages["Novo"])].ParentId));
        Assert.Equal((string?)pipeline["name"], names[Guid.Parse((string)pipeline["id"]!)].Name);
        Assert.Equal(("Visita", false), (names[Guid.Parse((string)visit["id"]!)].Name, names[Guid.Parse((string)visit["id"]!)].Exists));
        Assert.False(names.ContainsKey(stranger.UserId)); // an id typed as a company name names no one

        // Handed the owner's entries, a reader who sees only their own leads gets no name for the others' leads.
        var restricted = await manager.AsMemberAsync(sp => sp.GetRequiredService<AuditQuery>().ReferencesAsync(entries.Items));
        Assert.False(restricted.ContainsKey(Guid.Parse(theirs)));
        Assert.Equal("Lead do gerente", restricted[Guid.Parse(mine)].Name);
    }

    [Fact]
    public async Task A_date_without_time_is_recorded_as_an_iso_date_whatever_the_request_language()
    {
        var owner = await app.RegisterAsync();
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Datas" }))["id"]!;
        foreach (var (language, date) in new[] { ("en-US", "2026-12-20"), ("pt-BR", "2027-01-24") })
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/leads/{lead}") { Content = JsonContent.Create(new { expected_close_date = date }) };
            request.Headers.AcceptLanguage.ParseAdd(language);
            await (await owner.Client.SendAsync(request)).ExpectAsync(HttpStatusCode.OK);
        }
        var logs = await owner.GetJsonAsync($"/api/v1/audit-logs?entity_id={lead}&action=update");
        var recorded = logs["items"]!.AsArray().Select(e => (string?)e!["changes"]!["ExpectedCloseDate"]!["new"]).ToList();
        Assert.Equal(["2027-01-24", "2026-12-20"], recorded);
    }

    [Fact]
    public async Task The_audit_log_is_per_tenant_and_needs_settings_manage()
    {
        var alice = await app.RegisterAsync();
        var mallory = await app.RegisterAsync();
        await (await alice.Client.PostAsJsonAsync("/api/v1/roles", new { name = "Alice only", capabilities = Array.Empty<string>() })).ExpectAsync(HttpStatusCode.Created);
        var logs = await (await mallory.Client.GetAsync("/api/v1/audit-logs?limit=500")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("Alice only", logs.ToJsonString());
        var rep = await alice.AddMemberAsync("sales_rep");
        await (await rep.Client.GetAsync("/api/v1/audit-logs")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}

public sealed class AuditApiTestsOnSqlite(SqliteApp app) : AuditApiTests(app), IClassFixture<SqliteApp>;

public sealed class AuditApiTestsOnPostgres(PostgresApp app) : AuditApiTests(app), IClassFixture<PostgresApp>;
