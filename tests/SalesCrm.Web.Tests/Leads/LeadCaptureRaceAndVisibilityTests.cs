using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Leads;

/// <summary>Issue 13 §1/§8/§9: lead capture neither leaks a hidden lead through the merge nor makes duplicates under parallel creates.</summary>
public abstract class LeadCaptureRaceAndVisibilityTests(CrmAppFactory app)
{
    private const string HiddenMessage = "A lead with this phone or e-mail already exists and is handled by someone else; ask a manager.";

    [Fact]
    public async Task A_rep_who_sees_only_own_leads_gets_409_duplicate_lead_without_the_hidden_leads_data_and_it_stays_unchanged()
    {
        var owner = await app.RegisterAsync();
        var other = await owner.AddMemberAsync("sales_rep");
        var rep = await owner.AddMemberAsync("sales_rep");
        var hidden = await other.CreateLeadAsync(new { name = "Zeta Secret", email = "zeta@secret.com", phone = "+55 31 99876-1234", value = 98765, source = "instagram" });
        var id = (string)hidden["id"]!;

        foreach (var body in new object[] { new { name = "probe2", email = "ZETA@Secret.com" }, new { name = "probe3", phone = "31998761234" }, new { name = "probe4", phone = "+55 (31) 9 9876-1234", email = "new@x.com" } })
        {
            var response = await rep.Client.PostAsJsonAsync("/api/v1/leads", body);
            var text = await response.Content.ReadAsStringAsync();
            var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "DUPLICATE_LEAD");
            Assert.True(HiddenMessage == (string?)problem["title"], problem.ToJsonString());
            Assert.False(response.Headers.Contains("X-Lead-Merged") && response.Headers.GetValues("X-Lead-Merged").Single() == "true");
            foreach (var secret in new[] { "Zeta Secret", "98765", "99876", id, other.UserId.ToString() }) Assert.DoesNotContain(secret, text);
        }
        // Nor through an edit of the rep's own lead onto the hidden contact.
        var mine = (string)(await rep.CreateLeadAsync(new { name = "Mine" }))["id"]!;
        var patch = await rep.Client.PatchAsJsonAsync($"/api/v1/leads/{mine}", new { email = "zeta@secret.com" });
        var patchText = await patch.Content.ReadAsStringAsync();
        await patch.ExpectProblemAsync(HttpStatusCode.Conflict, "DUPLICATE_LEAD");
        Assert.DoesNotContain("Zeta Secret", patchText);
        Assert.DoesNotContain(id, patchText);
        // Nor through the merge endpoint.
        var merge = await rep.Client.PostAsJsonAsync("/api/v1/leads/merge", new { target_id = mine, source_id = id });
        Assert.True(merge.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest or HttpStatusCode.NotFound, merge.StatusCode.ToString());
        Assert.DoesNotContain("Zeta Secret", await merge.Content.ReadAsStringAsync());

        var after = await owner.GetJsonAsync($"/api/v1/leads/{id}");
        Assert.Equal(["instagram"], after["sources"]!.AsArray().Select(s => (string?)s));
        Assert.Equal((int)hidden["version"]!, (int)after["version"]!);
        Assert.DoesNotContain("Captured again", (await owner.GetJsonAsync($"/api/v1/leads/{id}/interactions")).ToJsonString());
        await (await rep.Client.GetAsync($"/api/v1/leads/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_reps_import_row_matching_a_hidden_lead_is_a_row_error_and_the_hidden_lead_stays_unchanged()
    {
        var owner = await app.RegisterAsync();
        var other = await owner.AddMemberAsync("sales_rep");
        var rep = await owner.AddMemberAsync("sales_rep");
        var hidden = await other.CreateLeadAsync(new { name = "Zeta Secret", email = "zeta@secret.com", source = "instagram" });
        var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("name,email\r\nProbe,ZETA@secret.com\r\nNew One,new@x.com\r\n")), "file", "leads.csv" } };
        var response = await rep.Client.PostAsync("/api/v1/leads/import", form);
        var text = await response.Content.ReadAsStringAsync();
        var report = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)report["created"]!);
        var error = report["errors"]!.AsArray().Single()!;
        Assert.Equal(2, (int)error["row"]!);
        Assert.Equal(HiddenMessage, (string?)error["errors"]!["email"]![0]);
        Assert.DoesNotContain("Zeta Secret", text);
        var after = await owner.GetJsonAsync($"/api/v1/leads/{hidden["id"]}");
        Assert.Equal(["instagram"], after["sources"]!.AsArray().Select(s => (string?)s));
        Assert.Equal((int)hidden["version"]!, (int)after["version"]!);
    }

    [Fact]
    public async Task A_capture_by_an_api_key_still_merges_into_a_reps_lead()
    {
        var owner = await app.RegisterAsync();
        var other = await owner.AddMemberAsync("sales_rep");
        var hidden = await other.CreateLeadAsync(new { name = "Zeta", email = "zeta@secret.com" });
        var key = await owner.LeadsApiKeyClientAsync("capture");
        var response = await key.PostAsJsonAsync("/api/v1/leads", new { name = "probe", email = "Zeta@secret.com" });
        var merged = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((string?)hidden["id"], (string?)merged["id"]);
        Assert.Equal("true", response.Headers.GetValues("X-Lead-Merged").Single());
    }

    [Theory]
    [InlineData(16, false)]
    [InlineData(20, false)]
    [InlineData(10, true)]
    public async Task Parallel_creates_with_one_phone_make_exactly_one_lead_and_the_rest_merge(int count, bool alternateSpellings)
    {
        var owner = await app.RegisterAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(i => owner.Client.PostAsJsonAsync("/api/v1/leads",
            new { name = $"Race {i}", phone = alternateSpellings && i % 2 == 0 ? "553188776655" : alternateSpellings ? "+55 31 98877-6655" : "+55 31 98012-3400" })));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var r in responses)
            Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        Assert.Single(statuses, HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.OK), r => Assert.Equal("true", r.Headers.GetValues("X-Lead-Merged").Single()));
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Fact]
    public async Task Edits_moving_leads_onto_a_phone_racing_creates_of_that_phone_never_leave_two_leads_with_it()
    {
        var owner = await app.RegisterAsync();
        for (var round = 0; round < 4; round++)
        {
            var phone = $"+55 31 9870{round}-1234";
            var existing = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => owner.CreateLeadAsync(new { name = $"Edit {round}.{i}" })));
            var edits = existing.Select(l => owner.Client.PatchAsJsonAsync($"/api/v1/leads/{l["id"]}", new { phone }));
            var creates = Enumerable.Range(0, 4).Select(i => owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = $"Create {round}.{i}", phone }));
            var responses = await Task.WhenAll(edits.Concat(creates));
            // An edit onto a phone another lead holds is a 409; a create merges into it: never a 5xx, never two holders.
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
            var e164 = $"+55319870{round}1234";
            Assert.Equal(1, (int)(await owner.GetJsonAsync($"/api/v1/leads?phone=eq.{Uri.EscapeDataString(e164)}"))["total"]!);
        }
    }

    [Fact]
    public async Task Zapier_captures_racing_api_creates_of_one_email_make_exactly_one_lead()
    {
        var owner = await app.RegisterAsync();
        var secret = (string)(await (await owner.Client.PostAsync("/api/v1/integrations/zapier/secret", null)).ExpectAsync(HttpStatusCode.OK))["secret"]!;
        var hooks = Enumerable.Range(0, 6).Select(async i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/zapier-leads") { Content = JsonContent.Create(new { name = $"Hook {i}", email = "race@x.com" }) };
            request.Headers.Add("X-Webhook-Secret", secret);
            return await app.CreateClient().SendAsync(request);
        });
        var creates = Enumerable.Range(0, 6).Select(i => owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = $"Api {i}", email = "RACE@x.com" }));
        var responses = await Task.WhenAll(hooks.Concat(creates));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        await Eventually.GetAsync(owner, "/api/v1/webhooks/inbox", i => i["items"]!.AsArray().Count(x => (string?)x!["status"] == "processed") >= 6);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }
}

public sealed class LeadCaptureRaceAndVisibilityTestsOnSqlite(SqliteApp app) : LeadCaptureRaceAndVisibilityTests(app), IClassFixture<SqliteApp>;

public sealed class LeadCaptureRaceAndVisibilityTestsOnPostgres(PostgresApp app) : LeadCaptureRaceAndVisibilityTests(app), IClassFixture<PostgresApp>;
