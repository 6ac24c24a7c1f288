using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Webhooks;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Webhooks;

public abstract class OutboundWebhooksTests(WebhookAppBase app) : IAsyncLifetime
{
    private readonly WebhookReceiver _receiver = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<(Session Owner, JsonNode Hook)> SubscribeAsync(params string[] events)
    {
        var owner = await app.RegisterAsync();
        var hook = await (await owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = _receiver.Url, events })).ExpectAsync(HttpStatusCode.Created);
        return (owner, hook);
    }

    private static async Task<JsonNode> WaitForDeliveryAsync(Session owner, string hookId, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var deliveries = (await owner.GetJsonAsync($"/api/v1/webhooks/{hookId}/deliveries"))["items"]!.AsArray();
            var match = deliveries.FirstOrDefault(d => done(d!));
            if (match is not null) return match;
            if (DateTime.UtcNow > deadline) throw new TimeoutException(deliveries.ToJsonString());
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Deliveries_follow_standard_webhooks_and_verify_with_the_secret()
    {
        var (owner, hook) = await SubscribeAsync("lead.created");
        var secret = (string)hook["secret"]!;
        Assert.StartsWith("whsec_", secret);
        var lead = await owner.CreateLeadAsync(new { name = "Signed" });
        var received = await _receiver.WaitForAsync(r => r.Body.Contains((string)lead["id"]!));
        var id = received.Headers["webhook-id"];
        var timestamp = long.Parse(received.Headers["webhook-timestamp"]);
        Assert.True(WebhookSigner.Verify(secret, id, timestamp, received.Body, received.Headers["webhook-signature"]));
        Assert.False(WebhookSigner.Verify(secret, id, timestamp, received.Body.Replace("Signed", "Forged"), received.Headers["webhook-signature"]));
        Assert.False(WebhookSigner.Verify(WebhookSigner.NewSecret(), id, timestamp, received.Body, received.Headers["webhook-signature"]));
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(timestamp), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal("lead.created", (string?)body["type"]);
        Assert.Equal("Signed", (string?)body["data"]!["name"]);
        var events = await owner.GetJsonAsync("/api/v1/events?type=eq.lead.created");
        Assert.Equal("msg_" + ((string)events["items"]![0]!["id"]!).Replace("-", ""), id);

        // Only subscribed types are sent.
        var stages = await owner.StagesAsync();
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead["id"]}/stage", new { stage_id = stages["Contato"] })).ExpectAsync(HttpStatusCode.OK);
        await owner.CreateLeadAsync(new { name = "Second" });
        await _receiver.WaitForAsync(r => r.Body.Contains("Second"));
        Assert.DoesNotContain(_receiver.Requests, r => r.Body.Contains("lead.stage_changed"));
        var delivery = await WaitForDeliveryAsync(owner, (string)hook["id"]!, d => (string?)d["status"] == "succeeded");
        Assert.Equal(200, (int)delivery["last_status_code"]!);
        Assert.Contains("received", (string?)delivery["last_response_excerpt"]);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_on_schedule_until_it_succeeds()
    {
        var (owner, hook) = await SubscribeAsync("lead.created");
        _receiver.FailNext(2);
        await owner.CreateLeadAsync(new { name = "Retried" });
        var delivery = await WaitForDeliveryAsync(owner, (string)hook["id"]!, d => (string?)d["event_type"] == "lead.created" && (string?)d["status"] == "succeeded");
        Assert.Equal(3, (int)delivery["attempts"]!);
        var attempts = _receiver.Requests.Where(r => r.Body.Contains("Retried")).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => a.Headers["webhook-id"]).Distinct());
        Assert.True(attempts[2].At - attempts[1].At >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Exhausted_retries_fail_the_delivery_flag_the_subscription_and_redelivery_recovers()
    {
        var (owner, hook) = await SubscribeAsync("lead.created");
        _receiver.FailNext(100);
        await owner.CreateLeadAsync(new { name = "Doomed" });
        var failed = await WaitForDeliveryAsync(owner, (string)hook["id"]!, d => (string?)d["status"] == "failed");
        Assert.Equal(3, (int)failed["attempts"]!);
        Assert.Equal(500, (int)failed["last_status_code"]!);
        var hooks = await owner.GetJsonAsync("/api/v1/webhooks");
        Assert.True((bool)hooks["items"]![0]!["failing"]!);

        _receiver.FailNext(0);
        await (await owner.Client.PostAsync($"/api/v1/webhooks/{hook["id"]}/deliveries/{failed["id"]}/redeliver", null)).ExpectAsync(HttpStatusCode.Accepted);
        await WaitForDeliveryAsync(owner, (string)hook["id"]!, d => (string?)d["status"] == "succeeded" && (string?)d["message_id"] == (string?)failed["message_id"]);
        Assert.False((bool)(await owner.GetJsonAsync("/api/v1/webhooks"))["items"]![0]!["failing"]!);
    }

    [Fact]
    public async Task A_receiver_answering_410_gone_is_unsubscribed_at_once_and_never_retried()
    {
        var (owner, hook) = await SubscribeAsync("lead.created");
        _receiver.StatusWhenFailing = 410;
        _receiver.FailNext(100);
        await owner.CreateLeadAsync(new { name = "Gone" });
        var failed = await WaitForDeliveryAsync(owner, (string)hook["id"]!, d => (string?)d["status"] == "failed");
        Assert.Equal(1, (int)failed["attempts"]!);
        Assert.Equal(410, (int)failed["last_status_code"]!);
        var subscription = (await owner.GetJsonAsync("/api/v1/webhooks"))["items"]![0]!;
        Assert.False((bool)subscription["is_active"]!);
        Assert.Contains("410", (string?)subscription["deactivated_reason"]);
        Assert.NotNull(subscription["deactivated_at"]);

        // Later events are not queued for it, and nothing more reaches the receiver.
        await owner.CreateLeadAsync(new { name = "After gone" });
        var deliveries = (await owner.GetJsonAsync($"/api/v1/webhooks/{hook["id"]}/deliveries"))["items"]!.AsArray();
        Assert.Single(deliveries);
        Assert.Single(_receiver.Requests);

        // Reactivating clears the reason.
        var reactivated = await (await owner.Client.PatchAsJsonAsync($"/api/v1/webhooks/{hook["id"]}", new { is_active = true })).ExpectAsync(HttpStatusCode.OK);
        Assert.True((bool)reactivated["is_active"]!);
        Assert.Null(reactivated["deactivated_reason"]);
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        var (owner, hook) = await SubscribeAsync("lead.created");
        _receiver.Redirect = true;
        await owner.CreateLeadAsync(new { name = "Redirected" });
        var failed = await WaitForDeliveryAsync(owner, (string)hook["id"]!, d => (string?)d["status"] == "failed");
        Assert.Equal(307, (int)failed["last_status_code"]!);
        Assert.Equal(3, _receiver.Requests.Count);
        Assert.Empty(_receiver.Redirected);
        Assert.True((bool)(await owner.GetJsonAsync("/api/v1/webhooks"))["items"]![0]!["is_active"]!);
    }

    [Fact]
    public async Task The_test_endpoint_sends_a_signed_test_message()
    {
        var (owner, hook) = await SubscribeAsync("deal.won");
        await (await owner.Client.PostAsync($"/api/v1/webhooks/{hook["id"]}/test", null)).ExpectAsync(HttpStatusCode.Accepted);
        var received = await _receiver.WaitForAsync(r => r.Body.Contains("webhook.test"));
        Assert.True(WebhookSigner.Verify((string)hook["secret"]!, received.Headers["webhook-id"], long.Parse(received.Headers["webhook-timestamp"]), received.Body, received.Headers["webhook-signature"]));
    }

    [Fact]
    public async Task Subscriptions_validate_input_are_per_tenant_and_need_webhooks_manage()
    {
        var (owner, hook) = await SubscribeAsync("lead.created");
        var bad = await (await owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = "ftp://x", events = new[] { "lead.teleported" }, secret = "plain" }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        foreach (var field in new[] { "url", "events", "secret" }) Assert.NotNull(bad["errors"]![field]);
        var updated = await (await owner.Client.PatchAsJsonAsync($"/api/v1/webhooks/{hook["id"]}", new { events = new[] { "deal.won", "deal.lost" }, is_active = false })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["deal.lost", "deal.won"], updated["events"]!.AsArray().Select(e => (string?)e));
        Assert.Null(updated["secret"]);
        var other = await app.RegisterAsync();
        await (await other.Client.GetAsync($"/api/v1/webhooks/{hook["id"]}/deliveries")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.Client.DeleteAsync($"/api/v1/webhooks/{hook["id"]}")).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var manager = await owner.AddMemberAsync("manager");
        await (await manager.Client.GetAsync("/api/v1/webhooks")).ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await owner.Client.DeleteAsync($"/api/v1/webhooks/{hook["id"]}")).ExpectAsync(HttpStatusCode.NoContent);
    }
}

public sealed class OutboundWebhooksTestsOnSqlite(WebhookSqliteApp app) : OutboundWebhooksTests(app), IClassFixture<WebhookSqliteApp>;

public sealed class OutboundWebhooksTestsOnPostgres(WebhookPostgresApp app) : OutboundWebhooksTests(app), IClassFixture<WebhookPostgresApp>;

/// <summary>By default (no AllowPrivateTargets) destinations inside the server's network are refused.</summary>
public sealed class WebhookSsrfTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.0.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("https://user:pass@example.com/hook")]
    public async Task Private_and_loopback_destinations_are_refused(string url)
    {
        var owner = await app.RegisterAsync();
        var problem = await (await owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "*" } })).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.NotNull(problem["errors"]!["url"]);
    }

    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.20.1.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2001:4860:4860::8888", false)]
    public void Private_ranges_are_recognised(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, TargetGuard.IsPrivate(IPAddress.Parse(address)));
}
