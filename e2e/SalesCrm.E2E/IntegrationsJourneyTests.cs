using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SalesCrm.Core.Webhooks;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>An admin connects a Meta page, sees a webhook that failed and retries it; sets up an outbound webhook and is told when it fails.</summary>
public sealed class IntegrationsJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private Task PostLeadgenAsync(string pageId, string leadgenId) => browser.PostSignedWebhookAsync("/api/webhooks/meta-leads", InboundAppBase.MetaSecret, new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = pageId, ["time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["changes"] = new JsonArray(new JsonObject
            {
                ["field"] = "leadgen",
                ["value"] = new JsonObject { ["leadgen_id"] = leadgenId, ["page_id"] = pageId, ["form_id"] = "3001", ["created_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() },
            }),
        }),
    });

    [Fact]
    public async Task Failed_inbound_webhooks_show_on_the_integrations_page_as_they_happen_and_retry_turns_one_into_a_lead()
    {
        var owner = await browser.App.RegisterAsync("Loja Meta");
        var page = await browser.SignInAsync(owner.Email, "/settings/integrations");
        await BrowserApp.CaptureOnFailureAsync(page, "integrations", async () =>
        {
            const string pageId = "987650001", leadgenId = "5550001";
            await page.Locator("[data-testid=meta-page-id]").FillAsync(pageId);
            await page.Locator("[data-testid=meta-page-token]").FillAsync("EAAB-page-token-e2e");
            await page.ClickAsync("[data-testid=meta-connect]");
            await Assertions.Expect(page.Locator("[data-testid=meta-page]")).ToContainTextAsync(pageId);
            var status = await owner.GetJsonAsync("/api/v1/integrations");
            Assert.Equal(pageId, (string?)status["meta_pages"]![0]!["page_id"]);
            Assert.DoesNotContain("EAAB-page-token-e2e", status.ToJsonString());

            // The Graph API does not know the lead yet: the first attempt and its one retry fail, and the item shows up
            // on the open page with the provider's error, without a reload.
            await PostLeadgenAsync(pageId, leadgenId);
            var error = page.Locator("[data-testid=failed-inbox] [data-testid=failed-error]");
            await Assertions.Expect(error).ToContainTextAsync($"Graph API answered 404 for lead {leadgenId}", new() { Timeout = 20_000 });
            // The live update renders in the reader's language (this browser asks for English), not the server's default.
            await Assertions.Expect(page.Locator("[data-testid=failed-inbox]")).ToContainTextAsync("Attempts");
            await Assertions.Expect(page.Locator("h4")).ToHaveTextAsync("Integrations");
            await BrowserApp.ScreenshotAsync(page, "integrations");

            // Once the Graph API has the lead, Retry makes it a lead and the list empties.
            browser.App.Graph.Leads[leadgenId] = new() { ["full_name"] = "Paula Retentada", ["email"] = "paula.retentada@example.com" };
            await page.ClickAsync("[data-testid=failed-retry]");
            await Assertions.Expect(error).ToHaveCountAsync(0);

            // A Zapier secret generated here authenticates a form tool; a malformed body it sends is listed at once.
            await page.ClickAsync("[data-testid=zapier-rotate]");
            var zapierSecret = (await page.Locator("[data-testid=zapier-secret]").InnerTextAsync()).Trim();
            async Task SendToZapierAsync(string body)
            {
                using var http = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/zapier-leads") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Webhook-Secret", zapierSecret);
                Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
            }
            await SendToZapierAsync("{\"name\": \"Meio");
            await Assertions.Expect(error).ToContainTextAsync("Malformed JSON");
            await SendToZapierAsync("[1, 2");
            await Assertions.Expect(error).ToHaveCountAsync(2);
            await page.ClickAsync("[data-testid=failed-retry-all]");
            await Assertions.Expect(page.GetByText("Queued to be processed again.")).ToBeVisibleAsync();

            await page.GotoAsync("/pipeline");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid='column-Novo'] [data-lead-name='Paula Retentada']")).ToBeVisibleAsync(new() { Timeout = 20_000 });

            // Disconnecting a page asks first.
            await page.GotoAsync("/settings/integrations");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.Locator("[data-testid=meta-page] .mud-chip-close-button").ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await Assertions.Expect(dialog).ToContainTextAsync(pageId);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=meta-page]")).ToHaveCountAsync(0);
            Assert.Empty((await owner.GetJsonAsync("/api/v1/integrations"))["meta_pages"]!.AsArray());
        });
    }

    [Fact]
    public async Task An_outbound_webhook_is_created_and_tested_in_the_ui_and_a_failing_one_is_announced_on_every_page_until_it_recovers()
    {
        var owner = await browser.App.RegisterAsync("Loja Hooks");
        await using var receiver = new WebhookReceiver();
        var page = await browser.SignInAsync(owner.Email, "/settings/webhooks");
        await BrowserApp.CaptureOnFailureAsync(page, "webhooks", async () =>
        {
            await page.Locator("[data-testid=webhook-url]").FillAsync(receiver.Url);
            await page.ClickAsync("[data-testid=webhook-create]");
            var secret = (await page.Locator("[data-testid=webhook-secret]").InnerTextAsync()).Trim();
            Assert.StartsWith("whsec_", secret);

            // The URL can be changed in place.
            var hook = page.Locator("[data-testid=webhook]");
            await hook.Locator("[data-testid=webhook-edit]").ClickAsync();
            await hook.Locator("[data-testid=webhook-edit-url]").FillAsync(receiver.Url + "?from=salescrm");
            await hook.Locator("[data-testid=webhook-save]").ClickAsync();
            await Assertions.Expect(hook.Locator("[data-testid=webhook-events-list]")).ToHaveTextAsync("*");
            await Assertions.Expect(hook).ToContainTextAsync(receiver.Url + "?from=salescrm");
            Assert.Equal(receiver.Url + "?from=salescrm", (string?)(await owner.GetJsonAsync("/api/v1/webhooks"))["items"]![0]!["url"]);

            // A test delivery reaches the receiver signed with that secret, and the log shows it succeeded.
            await hook.Locator("[data-testid=webhook-test]").ClickAsync();
            await Assertions.Expect(hook.Locator("[data-testid=delivery][data-status=succeeded]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
            var received = await receiver.WaitForAsync(r => r.Body.Contains("webhook.test"));
            Assert.True(WebhookSigner.Verify(secret, received.Headers["webhook-id"], long.Parse(received.Headers["webhook-timestamp"]), received.Body, received.Headers["webhook-signature"]));

            // The receiver goes down: after the last attempt the subscription is flagged and a banner appears at once.
            receiver.FailNext(1000);
            await hook.Locator("[data-testid=webhook-test]").ClickAsync();
            var failed = hook.Locator("[data-testid=delivery][data-status=failed]");
            await Assertions.Expect(failed).ToHaveCountAsync(1, new() { Timeout = 20_000 });
            await Assertions.Expect(hook.Locator("[data-testid=webhook-failing]")).ToHaveTextAsync("Failing");
            await Assertions.Expect(page.Locator("[data-testid=webhook-failing-banner]")).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(page, "webhooks");

            // The banner is on every page for the admin.
            await page.GotoAsync("/pipeline");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=webhook-failing-banner]")).ToBeVisibleAsync();

            // The receiver is back: redelivering the failed message succeeds and the warnings go away live.
            receiver.FailNext(0);
            await page.GotoAsync("/settings/webhooks");
            await BrowserApp.WaitForCircuitAsync(page);
            await failed.Locator("[data-testid=delivery-redeliver]").ClickAsync();
            await Assertions.Expect(hook.Locator("[data-testid=delivery][data-status=succeeded]")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
            await Assertions.Expect(hook.Locator("[data-testid=webhook-failing]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=webhook-failing-banner]")).ToHaveCountAsync(0);

            // Deleting asks first.
            var dialog = page.Locator(".mud-dialog");
            await hook.Locator("[data-testid=webhook-delete]").ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Assertions.Expect(hook).ToHaveCountAsync(1);
            await hook.Locator("[data-testid=webhook-delete]").ClickAsync();
            await Assertions.Expect(dialog).ToContainTextAsync(receiver.Url);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Assertions.Expect(hook).ToHaveCountAsync(0);
            Assert.Equal(0, (int)(await owner.GetJsonAsync("/api/v1/webhooks"))["total"]!);
        });
    }

    [Fact]
    public async Task A_receiver_answering_410_gone_shows_as_unsubscribed_on_the_webhooks_page()
    {
        var owner = await browser.App.RegisterAsync("Loja Gone");
        await using var receiver = new WebhookReceiver { StatusWhenFailing = 410 };
        receiver.FailNext(100);
        await (await owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "*" } })).ExpectAsync(HttpStatusCode.Created);
        var page = await browser.SignInAsync(owner.Email, "/settings/webhooks");
        await BrowserApp.CaptureOnFailureAsync(page, "webhook-gone", async () =>
        {
            var hook = page.Locator("[data-testid=webhook]");
            await hook.Locator("[data-testid=webhook-test]").ClickAsync();
            await Assertions.Expect(hook.Locator("[data-testid=webhook-unsubscribed]")).ToHaveTextAsync("Unsubscribed by receiver", new() { Timeout = 20_000 });
            await Assertions.Expect(hook.Locator("[data-testid=webhook-deactivated]")).ToContainTextAsync("The receiver answered 410 Gone");
            await Assertions.Expect(hook.Locator("[data-testid=delivery][data-status=failed]")).ToHaveCountAsync(1);
        });
        Assert.Single(receiver.Requests);
    }
}
