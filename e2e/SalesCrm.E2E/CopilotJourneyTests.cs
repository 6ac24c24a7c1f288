using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>
/// The copilot beside the WhatsApp composer, as a rep uses it. The journey app has no knowledge base installed, so the
/// answers are the workspace's static suggestions (the playbook part of the journey comes with the knowledge base).
/// </summary>
public sealed class CopilotJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_rep_opens_a_lead_from_a_conversation_asks_for_an_objection_answer_uses_it_and_thumbs_it_up()
    {
        var owner = await browser.App.RegisterAsync("Copiloto E2E");
        const string phoneNumberId = "106540352249001";
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/whatsapp", new { phone_number_id = phoneNumberId, access_token = "EAAG-e2e-copilot" })).ExpectAsync(HttpStatusCode.OK);
        const string from = "5511955559001";
        await browser.PostSignedWebhookAsync("/api/webhooks/whatsapp", InboundAppBase.WhatsAppSecret, new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject { ["id"] = "1", ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["display_phone_number"] = "551140000000", ["phone_number_id"] = phoneNumberId },
                ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Marina Copiloto" }, ["wa_id"] = from }),
                ["messages"] = new JsonArray(new JsonObject { ["from"] = from, ["id"] = "wamid.COPILOT1", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Achei caro" } }),
            } }) }),
        });
        await Eventually.GetAsync(owner, "/api/v1/conversations", c => (int)c["total"]! == 1);

        var page = await browser.SignInAsync(owner.Email, "/conversations");
        await BrowserApp.CaptureOnFailureAsync(page, "copilot", async () =>
        {
            await page.Locator("[data-testid=conversation-row][data-lead-name='Marina Copiloto']").ClickAsync();
            await BrowserApp.WaitForCircuitAsync(page);
            var context = page.Locator("textarea[data-testid=copilot-context]");
            await Assertions.Expect(context).ToHaveValueAsync("Achei caro");

            await page.ClickAsync("[data-testid=copilot-intent-objection]");
            await page.ClickAsync("[data-testid=copilot-ask]");
            var suggestion = page.Locator("[data-testid=copilot-suggestion]").First;
            await Assertions.Expect(suggestion.Locator("[data-testid=copilot-origin]")).ToHaveTextAsync("Standard suggestion");
            var text = await suggestion.Locator("[data-testid=copilot-text]").InnerTextAsync();
            Assert.StartsWith("Entendo, Marina.", text);

            await suggestion.Locator("[data-testid=copilot-use]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=composer-text]")).ToHaveValueAsync(text);
            await suggestion.Locator("[data-testid=copilot-up]").ClickAsync();
            await Assertions.Expect(suggestion.Locator("[data-testid=copilot-up]")).ToHaveAttributeAsync("aria-pressed", "true");
        });

        var rated = await owner.GetJsonAsync("/api/v1/copilot/suggestions?rating=up");
        Assert.Equal(1, (int)rated["total"]!);
        var session = (await owner.GetJsonAsync("/api/v1/copilot/sessions"))["items"]![0]!;
        Assert.Equal("inserted", (string?)session["outcome"]);
        Assert.Equal("Achei caro", (string?)session["context"]);
    }
}
