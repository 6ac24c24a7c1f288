using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Inbox.Storage;
using SalesCrm.Web.Features.Inbox;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Inbox;

public abstract class InboundWebhooksTests(InboundAppBase app)
{
    private static int _pageCounter = 100_000;

    private static string NewPageId() => $"{Interlocked.Increment(ref _pageCounter)}{Random.Shared.Next(1000, 9999)}";

    /// <summary>Meta's real leadgen shape: object=page, entry[].changes[] with field=leadgen.</summary>
    private static string LeadgenBody(params (string PageId, string LeadgenId)[] leads) => new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(leads.GroupBy(l => l.PageId).Select(page => (JsonNode)new JsonObject
        {
            ["id"] = page.Key,
            ["time"] = 1764072000,
            ["changes"] = new JsonArray(page.Select(l => (JsonNode)new JsonObject
            {
                ["field"] = "leadgen",
                ["value"] = new JsonObject
                {
                    ["ad_id"] = "120210000000001", ["form_id"] = "880000000001", ["leadgen_id"] = l.LeadgenId, ["created_time"] = 1764072000, ["page_id"] = l.PageId,
                    ["adgroup_id"] = "120210000000002",
                },
            }).ToArray()),
        }).ToArray()),
    }.ToJsonString();

    private async Task<HttpResponseMessage> PostMetaAsync(string body, string? secret = InboundAppBase.MetaSecret, string? signatureOverride = null,
        string contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/meta-leads") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (signatureOverride is not null || secret is not null) request.Headers.Add("X-Hub-Signature-256", signatureOverride ?? MetaSignature.Sign(secret!, bytes));
        return await app.CreateClient().SendAsync(request);
    }

    private async Task<(Session Owner, string PageId)> ConnectPageAsync()
    {
        var owner = await app.RegisterAsync();
        var pageId = NewPageId();
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = pageId, access_token = $"EAAB-token-{pageId}" } } })).ExpectAsync(HttpStatusCode.OK);
        return (owner, pageId);
    }

    private static async Task<JsonNode> WaitForLeadsAsync(Session owner, string query, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var list = await owner.GetJsonAsync($"/api/v1/leads?{query}");
            if ((int)list["total"]! >= count) return list;
            if (DateTime.UtcNow > deadline) throw new TimeoutException(list.ToJsonString());
            await Task.Delay(100);
        }
    }

    private async Task<int> InboxCountAsync()
    {
        await app.Services.GetRequiredService<IInboxSink>().FlushAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.Inbox.CountAsync();
    }

    [Fact]
    public async Task The_meta_handshake_echoes_the_challenge_only_for_the_right_verify_token()
    {
        var client = app.CreateClient();
        var ok = await client.GetAsync($"/api/webhooks/meta?hub.mode=subscribe&hub.verify_token={InboundAppBase.MetaVerify}&hub.challenge=1158201444");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/webhooks/meta?hub.mode=unsubscribe&hub.verify_token={InboundAppBase.MetaVerify}&hub.challenge=1")).StatusCode);
    }

    [Fact]
    public async Task A_signed_leadgen_becomes_a_lead_with_its_form_answers()
    {
        var (owner, pageId) = await ConnectPageAsync();
        var leadgen = $"44{pageId}";
        app.Graph.Leads[leadgen] = new() { ["full_name"] = "Renata Campos", ["email"] = "renata@exemplo.com", ["phone_number"] = "+5511976543210", ["city"] = "Campinas", ["qual_o_seu_orcamento?"] = "R$ 5 mil" };
        var response = await PostMetaAsync(LeadgenBody((pageId, leadgen)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lead = (await WaitForLeadsAsync(owner, "source=eq.meta_ads", 1))["items"]![0]!;
        Assert.Equal("Renata Campos", (string?)lead["name"]);
        Assert.Equal("+5511976543210", (string?)lead["phone"]);
        Assert.Equal("Campinas", (string?)lead["custom_fields"]!["city"]);
        Assert.Equal("R$ 5 mil", (string?)lead["custom_fields"]!["qual_o_seu_orcamento?"]);
        Assert.Equal(leadgen, (string?)lead["custom_fields"]!["meta_leadgen_id"]);
        Assert.Equal("facebook", (string?)lead["utm_source"]);
        Assert.Contains(app.Graph.Calls, c => c.LeadgenId == leadgen && c.Token == $"EAAB-token-{pageId}");
        var created = (await owner.GetJsonAsync("/api/v1/events?type=eq.lead.created"))["items"]![0]!;
        Assert.Equal("webhook", (string?)created["actor"]!["type"]);
    }

    [Fact]
    public async Task Concurrent_deliveries_are_each_stored_once_with_their_fields_intact()
    {
        var (owner, pageId) = await ConnectPageAsync();
        var before = await InboxCountAsync();
        var leadgens = Enumerable.Range(0, 120).Select(i => $"55{pageId}{i:D3}").ToList();
        foreach (var id in leadgens) app.Graph.Leads[id] = new() { ["full_name"] = $"Lead {id}" };
        var started = DateTime.UtcNow.AddSeconds(-1);
        // Sent together, so the group commit writes several of them per statement.
        var responses = await Task.WhenAll(leadgens.Select(id => PostMetaAsync(LeadgenBody((pageId, id)))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var ids = new List<Guid>();
        foreach (var r in responses) ids.Add(Guid.Parse((string)JsonNode.Parse(await r.Content.ReadAsStringAsync())!["id"]!));
        Assert.Equal(120, ids.Distinct().Count());

        // On SQLite an acknowledged item may still be in the journal; flushing moves it into the table.
        await app.Services.GetRequiredService<IInboxSink>().FlushAsync(CancellationToken.None);
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Inbox.Where(i => ids.Contains(i.Id)).ToListAsync();
            Assert.Equal(120, stored.Count);
            Assert.All(stored, i =>
            {
                Assert.Equal(InboxProvider.MetaLeads, i.Provider);
                Assert.Null(i.TenantId);
                Assert.InRange(i.ReceivedAt, started, DateTime.UtcNow.AddSeconds(1));
                Assert.Contains("X-Hub-Signature-256", i.Headers);
            });
            Assert.Equal(leadgens.Order(), stored.Select(i => (string)JsonNode.Parse(i.Body)!["entry"]![0]!["changes"]![0]!["value"]!["leadgen_id"]!).Order());
        }
        Assert.Equal(before + 120, await InboxCountAsync());
        await WaitForLeadsAsync(owner, "source=eq.meta_ads", 120);
    }

    [Fact]
    public async Task Receipts_go_through_the_journal_on_sqlite_and_straight_to_the_shared_table_on_postgres()
    {
        var sink = app.Services.GetRequiredService<IInboxSink>();
        if (app.Provider == TestProvider.Sqlite)
        {
            Assert.IsType<InboxJournal>(sink);
            // The journal sits beside the database file, so the two are kept (and backed up) together.
            var folder = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<InboxJournalOptions>>().Value.Directory!;
            Assert.Equal("salescrm.db-inbox", Path.GetFileName(folder));
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(folder)!, "salescrm.db")));
        }
        else
        {
            Assert.IsType<InboxWriter>(sink); // a journal on one instance's disk would be invisible to the others
        }
        var (_, pageId) = await ConnectPageAsync();
        var response = await PostMetaAsync(LeadgenBody((pageId, $"66{pageId}")));
        var id = Guid.Parse((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!);
        await sink.FlushAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        Assert.True(await db.Inbox.AnyAsync(i => i.Id == id));
    }

    [Fact]
    public async Task A_receiver_answers_with_correlation_and_rate_limit_headers()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/meta-leads") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Correlation-ID", "meta-777");
        var response = await app.CreateClient().SendAsync(request);
        var problem = await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("meta-777", response.Headers.GetValues("X-Correlation-ID").Single());
        Assert.Equal("meta-777", (string?)problem["correlation_id"]);
        Assert.True(int.Parse(response.Headers.GetValues("X-RateLimit-Limit").Single()) > 0);
        Assert.NotEmpty(response.Headers.GetValues("X-RateLimit-Remaining"));
    }

    [Theory]
    [InlineData("wrong-secret", null)]
    [InlineData(null, null)]
    [InlineData(null, "sha256=zz")]
    [InlineData(null, "md5=abc")]
    public async Task Unsigned_or_wrongly_signed_requests_get_401_and_are_not_stored(string? secret, string? header)
    {
        var before = await InboxCountAsync();
        var response = await PostMetaAsync(LeadgenBody(("1", "2")), secret, header);
        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal(before, await InboxCountAsync());
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_signed_meta_body_that_is_not_utf8_json_gets_415_and_is_not_stored(string contentType)
    {
        var before = await InboxCountAsync();
        var response = await PostMetaAsync(LeadgenBody(("1", "2")), contentType: contentType);
        Assert.Equal("Send UTF-8 application/json.", (string?)(await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"))["detail"]);
        Assert.Equal(before, await InboxCountAsync());
    }

    [Fact]
    public async Task A_tampered_body_fails_the_signature()
    {
        var body = LeadgenBody(("1", "2"));
        var signature = MetaSignature.Sign(InboundAppBase.MetaSecret, Encoding.UTF8.GetBytes(body));
        var response = await PostMetaAsync(body.Replace("\"2\"", "\"3\""), signatureOverride: signature);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task One_request_with_several_entries_routes_each_page_to_its_tenant()
    {
        var (alice, alicePage) = await ConnectPageAsync();
        var (bob, bobPage) = await ConnectPageAsync();
        var l1 = $"51{alicePage}"; var l2 = $"52{alicePage}"; var l3 = $"53{bobPage}";
        app.Graph.Leads[l1] = new() { ["first_name"] = "Ana", ["last_name"] = "Um", ["phone_number"] = "+5511970000001" };
        app.Graph.Leads[l2] = new() { ["full_name"] = "Ana Dois", ["email"] = "ana2@x.com" };
        app.Graph.Leads[l3] = new() { ["full_name"] = "Bruno Três", ["email"] = "bruno3@x.com" };
        Assert.Equal(HttpStatusCode.OK, (await PostMetaAsync(LeadgenBody((alicePage, l1), (alicePage, l2), (bobPage, l3)))).StatusCode);
        var aliceLeads = await WaitForLeadsAsync(alice, "source=eq.meta_ads&order=name.asc", 2);
        Assert.Equal(["Ana Dois", "Ana Um"], aliceLeads["items"]!.AsArray().Select(l => (string?)l!["name"]));
        var bobLeads = await WaitForLeadsAsync(bob, "source=eq.meta_ads", 1);
        Assert.Equal("Bruno Três", (string?)bobLeads["items"]![0]!["name"]);
        Assert.Equal(2, (int)(await alice.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Fact]
    public async Task An_expired_page_token_of_one_workspace_holds_back_only_its_own_lead_and_its_failure_is_shown_only_to_it()
    {
        var (alice, alicePage) = await ConnectPageAsync();
        var (bob, bobPage) = await ConnectPageAsync();
        var (aliceLead, bobLead) = ($"91{alicePage}", $"92{bobPage}");
        app.Graph.Leads[aliceLead] = new() { ["full_name"] = "Alice Cliente", ["email"] = "alice.cliente@x.com" };
        app.Graph.Leads[bobLead] = new() { ["full_name"] = "Bruno Cliente", ["email"] = "bruno.cliente@x.com" };
        app.Graph.ExpiredTokens[$"EAAB-token-{alicePage}"] = true; // Graph answers 190 (OAuthException)
        var body = LeadgenBody((alicePage, aliceLead), (bobPage, bobLead));
        Assert.Equal(HttpStatusCode.OK, (await PostMetaAsync(body)).StatusCode);

        // Bob's lead does not wait for Alice's token.
        Assert.Equal("Bruno Cliente", (string?)(await WaitForLeadsAsync(bob, "source=eq.meta_ads", 1))["items"]![0]!["name"]);
        var aliceItems = await WaitForInboxAsync(alice, i => i.Any(x => (int)x!["attempts"]! >= 1));
        var failing = Assert.Single(aliceItems)!;
        Assert.Equal("pending", (string?)failing["status"]); // retried on its own schedule
        Assert.Contains("code 190", (string?)failing["last_error"]);
        Assert.Contains(aliceLead, (string?)failing["body_excerpt"]);
        Assert.DoesNotContain(bobPage, (string?)failing["body_excerpt"]);
        var bobItems = (await bob.GetJsonAsync("/api/v1/webhooks/inbox"))["items"]!.AsArray();
        Assert.Equal(["processed"], bobItems.Select(i => (string?)i!["status"]));
        Assert.DoesNotContain(alicePage, bobItems.ToJsonString());
        Assert.Equal(0, (int)(await alice.GetJsonAsync("/api/v1/leads"))["total"]!);

        // Alice reconnects the page and retries her item: her lead arrives, once, even after a redelivery of the request.
        app.Graph.ExpiredTokens.Clear();
        await (await alice.Client.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = alicePage, access_token = $"EAAB-token-{alicePage}" } } })).ExpectAsync(HttpStatusCode.OK);
        await (await alice.Client.PostAsync($"/api/v1/webhooks/inbox/{failing["id"]}/retry", null)).ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal("Alice Cliente", (string?)(await WaitForLeadsAsync(alice, "source=eq.meta_ads", 1))["items"]![0]!["name"]);
        Assert.Equal(HttpStatusCode.OK, (await PostMetaAsync(body)).StatusCode);
        await WaitForInboxAsync(alice, i => i.Count(x => (string?)x!["status"] == "processed") == 2);
        await WaitForInboxAsync(bob, i => i.Count(x => (string?)x!["status"] == "processed") == 2);
        Assert.Equal(1, (int)(await alice.GetJsonAsync("/api/v1/leads"))["total"]!);
        Assert.Equal(1, (int)(await bob.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    [Fact]
    public async Task A_duplicate_delivery_is_acknowledged_and_changes_nothing()
    {
        var (owner, pageId) = await ConnectPageAsync();
        var leadgen = $"61{pageId}";
        app.Graph.Leads[leadgen] = new() { ["full_name"] = "Duplicada", ["phone_number"] = "+5521987654000" };
        var body = LeadgenBody((pageId, leadgen));
        Assert.Equal(HttpStatusCode.OK, (await PostMetaAsync(body)).StatusCode);
        var lead = (await WaitForLeadsAsync(owner, "source=eq.meta_ads", 1))["items"]![0]!;
        Assert.Equal(HttpStatusCode.OK, (await PostMetaAsync(body)).StatusCode);
        // Wait until the second copy is processed too, then check nothing changed.
        await WaitForInboxAsync(owner, i => i.Count(x => (string?)x!["status"] == "processed") >= 2);
        var after = await owner.GetJsonAsync($"/api/v1/leads/{lead["id"]}");
        Assert.Equal((int)lead["version"]!, (int)after["version"]!);
        Assert.Equal(0, (int)(await owner.GetJsonAsync($"/api/v1/leads/{lead["id"]}/interactions"))["total"]!);
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
    }

    private static async Task<JsonArray> WaitForInboxAsync(Session owner, Func<JsonArray, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = (await owner.GetJsonAsync("/api/v1/webhooks/inbox?limit=100"))["items"]!.AsArray();
            if (done(items)) return items;
            if (DateTime.UtcNow > deadline) throw new TimeoutException(items.ToJsonString());
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Malformed_meta_entries_and_changes_fail_at_once_naming_their_path_and_never_cost_the_good_lead_beside_them()
    {
        var (owner, pageId) = await ConnectPageAsync();
        var leadgen = $"73{pageId}";
        app.Graph.Leads[leadgen] = new() { ["full_name"] = "Vizinha Boa", ["email"] = "vizinha@x.com" };
        var good = $$$"""{"field":"leadgen","value":{"leadgen_id":"{{{leadgen}}}","page_id":"{{{pageId}}}"}}""";
        var body = $$$"""
            {"object":"page","entry":[null,
              {"id":"{{{pageId}}}","time":1,"changes":"x"},
              {"id":"{{{pageId}}}","time":1,"changes":[{"field":"leadgen","value":null},{{{good}}},{"field":"leadgen","value":{"page_id":"{{{pageId}}}"}},"y"]}]}
            """;
        Assert.Equal(HttpStatusCode.OK, (await PostMetaAsync(body)).StatusCode);

        Assert.Equal("Vizinha Boa", (string?)(await WaitForLeadsAsync(owner, "source=eq.meta_ads", 1))["items"]![0]!["name"]);
        // Each malformed piece is a failed item of the workspace its page is connected to, with the path of the fault in its
        // own body; the piece without any page (entry:[null]) cannot be attributed and fails all the same.
        var items = await WaitForInboxAsync(owner, i => i.Count(x => (string?)x!["status"] == "failed") == 4);
        var errors = items.Where(x => (string?)x!["status"] == "failed").Select(x => (string)x!["last_error"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["entry[0].changes: is not an array (string)", "entry[0].changes[0].value.leadgen_id: is missing", "entry[0].changes[0].value: is null", "entry[0].changes[0]: is not an object (string)"],
            errors);
        Assert.All(items.Where(x => (string?)x!["status"] == "failed"), x => Assert.Equal(1, (int)x!["attempts"]!)); // not retried
        Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var orphan = Assert.Single(await db.Inbox.IgnoreQueryFilters().Where(i => i.Body == "{\"object\":\"page\",\"entry\":[null]}").ToListAsync());
        Assert.Equal((InboxStatus.Failed, "entry[0]: is null"), (orphan.Status, orphan.LastError));
    }

    [Fact]
    public async Task A_graph_api_failure_is_retried_with_backoff()
    {
        var (owner, pageId) = await ConnectPageAsync();
        var leadgen = $"71{pageId}";
        app.Graph.Leads[leadgen] = new() { ["full_name"] = "Depois da Falha", ["email"] = "falha@x.com" };
        app.Graph.FailNext(4);
        Assert.Equal(HttpStatusCode.OK, (await PostMetaAsync(LeadgenBody((pageId, leadgen)))).StatusCode);
        var lead = (await WaitForLeadsAsync(owner, "source=eq.meta_ads", 1))["items"]![0]!;
        Assert.Equal("Depois da Falha", (string?)lead["name"]);
    }

    [Fact]
    public async Task Bodies_over_one_mebibyte_get_413()
    {
        var body = "{\"object\":\"page\",\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";
        var response = await PostMetaAsync(body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_lead_sent_for_a_page_before_it_was_connected_becomes_a_lead_when_the_page_is_connected()
    {
        var owner = await app.RegisterAsync();
        var (pageId, otherPageId) = (NewPageId(), NewPageId());
        var leadgen = $"81{pageId}";
        app.Graph.Leads[leadgen] = new() { ["full_name"] = "Chegou Antes", ["email"] = "chegou.antes@x.com" };
        Assert.Equal(HttpStatusCode.OK, (await PostMetaAsync(LeadgenBody((pageId, leadgen)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostMetaAsync(LeadgenBody((otherPageId, $"82{otherPageId}")))).StatusCode);
        var itemId = await app.FailUnroutedAsync($"Page {pageId} is not connected");
        await app.FailUnroutedAsync($"Page {otherPageId} is not connected");

        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = pageId, access_token = "EAAB-late" } } })).ExpectAsync(HttpStatusCode.OK);

        var lead = (await WaitForLeadsAsync(owner, "source=eq.meta_ads", 1))["items"]![0]!;
        Assert.Equal("Chegou Antes", (string?)lead["name"]);
        Assert.Contains(app.Graph.Calls, c => c.LeadgenId == leadgen && c.Token == "EAAB-late");
        var items = await WaitForInboxAsync(owner, i => i.Any(x => (string?)x!["id"] == itemId.ToString() && (string?)x["status"] == "processed"));
        Assert.Single(items); // the other page's item stays unrouted, and stays invisible to this workspace
        Assert.Equal(InboxStatus.Failed, await app.InboxStatusAsync($"Page {otherPageId} is not connected"));
    }

    [Fact]
    public async Task Malformed_json_from_an_authenticated_sender_is_kept_as_failed_with_the_parse_error()
    {
        var owner = await app.RegisterAsync();
        var secret = (string)(await (await owner.Client.PostAsync("/api/v1/integrations/zapier/secret", null)).ExpectAsync(HttpStatusCode.OK))["secret"]!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/zapier-leads") { Content = new StringContent("{\"name\": \"Broken\",", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Webhook-Secret", secret);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
        var failed = (await owner.GetJsonAsync("/api/v1/webhooks/inbox?status=failed"))["items"]!.AsArray().Single()!;
        Assert.StartsWith("Malformed JSON", (string?)failed["last_error"]);
        Assert.Equal("{\"name\": \"Broken\",", (string?)failed["body_excerpt"]);
        var retried = await (await owner.Client.PostAsync($"/api/v1/webhooks/inbox/{failed["id"]}/retry", null)).ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal("pending", (string?)retried["status"]);
    }

    [Fact]
    public async Task Retrying_every_failed_item_queues_this_workspaces_failures_only()
    {
        async Task<(Session Owner, string Secret)> WorkspaceAsync()
        {
            var owner = await app.RegisterAsync();
            return (owner, (string)(await (await owner.Client.PostAsync("/api/v1/integrations/zapier/secret", null)).ExpectAsync(HttpStatusCode.OK))["secret"]!);
        }
        async Task SendBrokenAsync(string secret)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/zapier-leads") { Content = new StringContent("{\"name\": ", Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Webhook-Secret", secret);
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
        }
        var (mine, other) = (await WorkspaceAsync(), await WorkspaceAsync());
        await SendBrokenAsync(mine.Secret);
        await SendBrokenAsync(mine.Secret);
        await SendBrokenAsync(other.Secret);

        var rep = await mine.Owner.AddMemberAsync("sales_rep");
        await (await rep.Client.PostAsync("/api/v1/webhooks/inbox/retry-failed", null)).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var retried = await (await mine.Owner.Client.PostAsync("/api/v1/webhooks/inbox/retry-failed", null)).ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal(2, (int)retried["requeued"]!);
        // Retried, they fail again on the same parse error, this time after an attempt.
        await WaitForInboxAsync(mine.Owner, items => items.Count == 2 && items.All(i => (int)i!["attempts"]! >= 1));
        var untouched = (await other.Owner.GetJsonAsync("/api/v1/webhooks/inbox"))["items"]!.AsArray().Single()!;
        Assert.Equal(("failed", 0), ((string?)untouched["status"], (int)untouched["attempts"]!));
    }

    [Fact]
    public async Task Zapier_accepts_the_usual_field_name_variants_and_rotating_the_secret_revokes_the_old_one()
    {
        var owner = await app.RegisterAsync();
        var secret = (string)(await (await owner.Client.PostAsync("/api/v1/integrations/zapier/secret", null)).ExpectAsync(HttpStatusCode.OK))["secret"]!;
        async Task<HttpStatusCode> SendAsync(object body, string? withSecret)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/zapier-leads") { Content = JsonContent.Create(body) };
            if (withSecret is not null) request.Headers.Add("X-Webhook-Secret", withSecret);
            return (await app.CreateClient().SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await SendAsync(new { full_name = "Zap Um", phone_number = "11 97777-0001", company = "Loja", utm_campaign = "natal", plano = "anual" }, secret));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(new { first_name = "Zap", last_name = "Dois", whatsapp = "5511977770002", source = "website" }, secret));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(new { name = "Zap Três", email = "zap3@x.com", phone = "+55 11 97777-0003", tags = "quente, evento" }, secret));
        var leads = (await WaitForLeadsAsync(owner, "order=name.asc", 3))["items"]!.AsArray();
        Assert.Equal(["Zap Dois", "Zap Três", "Zap Um"], leads.Select(l => (string?)l!["name"]));
        var um = leads.Single(l => (string?)l!["name"] == "Zap Um")!;
        Assert.Equal("+5511977770001", (string?)um["phone"]);
        Assert.Equal("zapier", (string?)um["source"]);
        Assert.Equal("natal", (string?)um["utm_campaign"]);
        Assert.Equal("anual", (string?)um["custom_fields"]!["plano"]);
        Assert.Equal("website", (string?)leads.Single(l => (string?)l!["name"] == "Zap Dois")!["source"]);
        Assert.Equal(["evento", "quente"], leads.Single(l => (string?)l!["name"] == "Zap Três")!["tags"]!.AsArray().Select(t => (string?)t));

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(new { name = "x" }, "whk_wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(new { name = "x" }, null));
        await (await owner.Client.PostAsync("/api/v1/integrations/zapier/secret", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(new { name = "x" }, secret));
    }

    [Fact]
    public async Task Integration_settings_mask_tokens_and_a_page_belongs_to_one_tenant()
    {
        var (owner, pageId) = await ConnectPageAsync();
        var status = await owner.GetJsonAsync("/api/v1/integrations");
        Assert.Equal(pageId, (string?)status["meta_pages"]![0]!["page_id"]);
        Assert.DoesNotContain("EAAB-token", status.ToJsonString());
        Assert.StartsWith("****", (string?)status["meta_pages"]![0]!["token_hint"]);
        var other = await app.RegisterAsync();
        await (await other.Client.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = pageId, access_token = "x" } } })).ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT");
        var bad = await (await other.Client.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = "abc", access_token = "" } } })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(bad["errors"]!["pages[0].page_id"]);
        Assert.NotNull(bad["errors"]!["pages[0].access_token"]);
        var wa = await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/whatsapp", new { phone_number_id = "10987654321", access_token = "EAAG-secret-1234", display_phone_number = "+55 11 4000-0000" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("****1234", (string?)wa["whats_app"]!["token_hint"]);
        var rep = await owner.AddMemberAsync("sales_rep");
        await (await rep.Client.GetAsync("/api/v1/integrations")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }
}

public sealed class InboundWebhooksTestsOnSqlite(InboundSqliteApp app) : InboundWebhooksTests(app), IClassFixture<InboundSqliteApp>;

public sealed class InboundWebhooksTestsOnPostgres(InboundPostgresApp app) : InboundWebhooksTests(app), IClassFixture<InboundPostgresApp>;
