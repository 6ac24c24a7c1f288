using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using SalesCrm.Web.Tests.Messaging;

namespace SalesCrm.E2E;

/// <summary>WhatsApp messages on an open lead page: on the timeline at once like a note, and a Retry for every message not sent.</summary>
public sealed class WhatsAppTimelineTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private Task PostWhatsAppAsync(string phoneNumberId, string from, string wamid, string text) =>
        WhatsAppWebhook.PostAsync(browser.App, WhatsAppWebhook.Payload(phoneNumberId, new JsonArray(WhatsAppWebhook.Text(wamid, from, text))));

    [Fact]
    public async Task Received_sent_and_failed_messages_reach_the_open_timeline_at_once_and_a_failed_one_is_retried()
    {
        var owner = await browser.App.RegisterAsync("Zap Linha do Tempo");
        var phoneNumberId = await WhatsAppWebhook.ConnectAsync(owner);
        var lead = await owner.CreateLeadAsync(new { name = "Rita Linha", phone = "+5511955553131" });
        var page = await browser.SignInAsync(owner.Email, $"/leads/{lead["id"]}");
        await BrowserApp.CaptureOnFailureAsync(page, "whatsapp-timeline", async () =>
        {
            var timeline = page.Locator("[data-testid=timeline]");
            await PostWhatsAppAsync(phoneNumberId, "5511955553131", "wamid.TL1", "Vocês entregam em Osasco?");
            await Assertions.Expect(timeline).ToContainTextAsync("Vocês entregam em Osasco?", new() { Timeout = 20_000 });

            await page.Locator("[data-testid=composer-text]").FillAsync("Entregamos sim!");
            await page.ClickAsync("[data-testid=composer-send]");
            await Assertions.Expect(timeline).ToContainTextAsync("Entregamos sim!");
            await Assertions.Expect(page.Locator("[data-testid=bubble]", new() { HasText = "Entregamos sim!" })).ToHaveAttributeAsync("data-status", "sent");

            // WhatsApp refuses the next one: it is on the timeline all the same, and the conversation offers a retry.
            browser.App.Graph.FailSends = true;
            try
            {
                await page.Locator("[data-testid=composer-text]").FillAsync("Frete grátis acima de R$ 200.");
                await page.ClickAsync("[data-testid=composer-send]");
                await Assertions.Expect(timeline).ToContainTextAsync("Frete grátis acima de R$ 200.");
                await Assertions.Expect(page.Locator("[data-testid=bubble]", new() { HasText = "Frete grátis acima de R$ 200." })).ToHaveAttributeAsync("data-status", "failed");
            }
            finally
            {
                browser.App.Graph.FailSends = false;
            }
            var failed = page.Locator("[data-testid=bubble]", new() { HasText = "Frete grátis acima de R$ 200." });
            // A summary in the reader's language; WhatsApp's own words on hover.
            var error = failed.Locator("[data-testid=bubble-error]");
            await Assertions.Expect(error).ToHaveTextAsync("Could not send: WhatsApp refused the message.");
            Assert.Contains("131047", await error.GetAttributeAsync("title"));
            await failed.Locator("[data-testid=bubble-retry]").ClickAsync();
            await Assertions.Expect(failed).ToHaveAttributeAsync("data-status", "sent");
        });
    }

    [Fact]
    public async Task A_message_queued_without_a_number_is_on_the_timeline_and_is_retried_once_a_number_is_connected()
    {
        var owner = await browser.App.RegisterAsync("Zap Na Fila");
        var lead = await owner.CreateLeadAsync(new { name = "Otávio Fila", phone = "+5511955553232" });
        var template = await (await owner.Client.PostAsJsonAsync("/api/v1/templates", new { name = "retomada_fila", category = "utility", language = "pt_BR", body = "Olá {{first_name}}, podemos retomar?", status = "approved" }))
            .ExpectAsync(HttpStatusCode.Created);
        var page = await browser.SignInAsync(owner.Email, $"/leads/{lead["id"]}");
        await BrowserApp.CaptureOnFailureAsync(page, "whatsapp-queued-retry", async () =>
        {
            // Sent by an integration while the rep has the lead open.
            var queued = await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{lead["id"]}/messages", new { template_id = template["id"] })).ExpectAsync(HttpStatusCode.Created);
            Assert.Equal("queued", (string?)queued["status"]);
            await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("Olá Otávio, podemos retomar?");
            var bubble = page.Locator("[data-testid=bubble]", new() { HasText = "Olá Otávio, podemos retomar?" });
            await Assertions.Expect(bubble).ToHaveAttributeAsync("data-status", "queued");

            // Retried with no number connected: it stays queued, and the page says why.
            await bubble.Locator("[data-testid=bubble-retry]").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("no WhatsApp number is connected");
            await Assertions.Expect(bubble).ToHaveAttributeAsync("data-status", "queued");

            var phoneNumberId = await WhatsAppWebhook.ConnectAsync(owner);
            await bubble.Locator("[data-testid=bubble-retry]").ClickAsync();
            await Assertions.Expect(bubble).ToHaveAttributeAsync("data-status", "sent");
            Assert.Contains(browser.App.Graph.Sent, s => s.PhoneNumberId == phoneNumberId);
        });
    }
}
