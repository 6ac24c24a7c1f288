using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.E2E;

public sealed class WhatsAppJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private Task PostWhatsAppAsync(JsonObject value) => browser.PostSignedWebhookAsync("/api/webhooks/whatsapp", InboundAppBase.WhatsAppSecret, new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject { ["id"] = "1", ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }) }),
    });

    [Fact]
    public async Task A_whatsapp_message_from_a_new_number_appears_on_the_open_board_and_a_reply_reaches_the_cloud_api()
    {
        var owner = await browser.App.RegisterAsync("Loja Zap");
        const string phoneNumberId = "106540352242922";
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/whatsapp", new { phone_number_id = phoneNumberId, access_token = "EAAG-e2e-token" })).ExpectAsync(HttpStatusCode.OK);
        var page = await browser.SignInAsync(owner.Email, "/pipeline");
        await BrowserApp.CaptureOnFailureAsync(page, "whatsapp", async () =>
        {

            const string from = "5511955554444";
            await PostWhatsAppAsync(new JsonObject
            {
                ["metadata"] = new JsonObject { ["display_phone_number"] = "551140000000", ["phone_number_id"] = phoneNumberId },
                ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Júlia Web" }, ["wa_id"] = from }),
                ["messages"] = new JsonArray(new JsonObject { ["from"] = from, ["id"] = "wamid.E2E1", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Quero um orçamento" } }),
            });

            // The card shows up on the open board without a reload.
            var card = page.Locator("[data-testid='column-Novo'] [data-lead-name='Júlia Web']");
            await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 20_000 });

            await card.Locator("[data-testid=card-name]").ClickAsync();
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=chat]")).ToContainTextAsync("Quero um orçamento");

            await page.Locator("[data-testid=composer-text]").FillAsync("Claro! Envio ainda hoje.");
            await page.ClickAsync("[data-testid=composer-send]");
            var outbound = page.Locator("[data-testid=bubble]", new() { HasText = "Claro! Envio ainda hoje." });
            await Assertions.Expect(outbound).ToHaveAttributeAsync("data-status", "sent");
            var sent = browser.App.Graph.Sent.Last(s => s.PhoneNumberId == phoneNumberId);
            Assert.Equal("Bearer EAAG-e2e-token", sent.Authorization);
            Assert.Equal("Claro! Envio ainda hoje.", (string?)JsonNode.Parse(sent.Body)!["text"]!["body"]);
            Assert.Equal(from, (string?)JsonNode.Parse(sent.Body)!["to"]);

            // The read receipt arrives by webhook and the tick updates live.
            var wamid = $"wamid.OUT{browser.App.Graph.Sent.Count}";
            await PostWhatsAppAsync(new JsonObject
            {
                ["metadata"] = new JsonObject { ["phone_number_id"] = phoneNumberId },
                ["statuses"] = new JsonArray(new JsonObject { ["id"] = wamid, ["status"] = "read", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), ["recipient_id"] = from }),
            });
            await Assertions.Expect(outbound).ToHaveAttributeAsync("data-status", "read", new() { Timeout = 20_000 });
            // The customer reacts to the reply: the emoji shows on that bubble, live. It is not a new message, so the
            // inbox below still shows the reply as the last message, with nothing unread.
            await PostWhatsAppAsync(new JsonObject
            {
                ["metadata"] = new JsonObject { ["phone_number_id"] = phoneNumberId },
                ["messages"] = new JsonArray(new JsonObject
                {
                    ["from"] = from, ["id"] = "wamid.E2ER", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), ["type"] = "reaction",
                    ["reaction"] = new JsonObject { ["message_id"] = wamid, ["emoji"] = "👍" },
                }),
            });
            await Assertions.Expect(outbound.Locator("[data-testid=bubble-reaction]")).ToHaveTextAsync("👍", new() { Timeout = 20_000 });
            await BrowserApp.ScreenshotAsync(page, "conversation");

            // The conversations inbox lists it with the reply, and a new message moves in live with its unread count.
            await page.ClickAsync("[data-testid=nav-conversations]");
            await page.WaitForURLAsync(browser.BaseUrl + "/conversations");
            await BrowserApp.WaitForCircuitAsync(page);
            var row = page.Locator("[data-testid=conversation-row][data-lead-name='Júlia Web']");
            await Assertions.Expect(row.Locator("[data-testid=conversation-last]")).ToHaveTextAsync("You: Claro! Envio ainda hoje.");
            await Assertions.Expect(row.Locator("[data-testid=conversation-unread]")).ToHaveCountAsync(0);
            await PostWhatsAppAsync(new JsonObject
            {
                ["metadata"] = new JsonObject { ["phone_number_id"] = phoneNumberId },
                ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Júlia Web" }, ["wa_id"] = from }),
                ["messages"] = new JsonArray(new JsonObject { ["from"] = from, ["id"] = "wamid.E2E2", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Pode ser amanhã?" } }),
            });
            await Assertions.Expect(row.Locator("[data-testid=conversation-last]")).ToHaveTextAsync("Pode ser amanhã?", new() { Timeout = 20_000 });
            await Assertions.Expect(row.Locator("[data-testid=conversation-unread]")).ToHaveTextAsync("1");
            var badge = page.Locator("[data-testid=nav-conversations] [data-testid=unread-badge]");
            await Assertions.Expect(badge).ToHaveTextAsync("1"); // the menu counts it too
            await BrowserApp.ScreenshotAsync(page, "conversations");
            await row.ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/leads/"));
            await Assertions.Expect(page.Locator("[data-testid=chat]")).ToContainTextAsync("Pode ser amanhã?");
            await Assertions.Expect(badge).ToHaveCountAsync(0); // opening the conversation read it
        });
    }

    [Fact]
    public async Task A_sticker_whatsapp_no_longer_has_shows_a_media_unavailable_placeholder_in_the_conversation()
    {
        var owner = await browser.App.RegisterAsync("Loja Figurinha");
        const string phoneNumberId = "106540352242923";
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/whatsapp", new { phone_number_id = phoneNumberId, access_token = "EAAG-e2e-token-2" })).ExpectAsync(HttpStatusCode.OK);
        browser.App.Graph.MediaErrors["STICKER-EXPIRED"] = 404;
        const string from = "5585999887766";
        await PostWhatsAppAsync(new JsonObject
        {
            ["metadata"] = new JsonObject { ["phone_number_id"] = phoneNumberId },
            ["messages"] = new JsonArray(new JsonObject
            {
                ["from"] = from, ["id"] = "wamid.E2ESTICKER", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), ["type"] = "sticker",
                ["sticker"] = new JsonObject { ["mime_type"] = "image/webp", ["id"] = "STICKER-EXPIRED" },
            }),
        });
        var lead = (await Eventually.GetAsync(owner, "/api/v1/leads", b => (int)b["total"]! == 1))["items"]![0]!;
        var page = await browser.SignInAsync(owner.Email, $"/leads/{lead["id"]}", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "whatsapp-media-unavailable", async () =>
        {
            await BrowserApp.WaitForCircuitAsync(page);
            // The image WhatsApp no longer has turns into the placeholder instead of a broken image.
            await Assertions.Expect(page.Locator("[data-testid=media-unavailable]")).ToContainTextAsync("Mídia indisponível", new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("[data-testid=bubble-image]")).ToHaveCountAsync(0);
            // A sender without a profile name is named after the phone as Brazilians write it.
            await Assertions.Expect(page.Locator("input[data-testid=lead-name]")).ToHaveValueAsync("(85) 99988-7766");
        });
    }
}
