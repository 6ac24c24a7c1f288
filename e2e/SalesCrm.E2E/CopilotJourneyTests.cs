using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesCrm.Core.Tests.Knowledge;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>
/// The copilot over the real knowledge base, as a team uses it: a manager uploads a playbook PDF, finds its answer in the
/// playground; a rep opens the lead from its WhatsApp conversation, asks for an objection answer, gets the PDF's answer
/// "from your playbook" citing it, opens the source at its chunk, uses the answer in the composer and thumbs it up; the
/// playground then shows the feedback signal on that chunk.
/// </summary>
public sealed class CopilotJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Title = "Playbook Girassol: objeções";

    /// <summary>Ninety paragraphs of installation steps (several chunks), then the objection and its answer, last.</summary>
    private static byte[] PlaybookPdf() => KnowledgeTestFiles.Pdf(
    [
        "Playbook comercial da Girassol Solar para residencias.",
        .. Enumerable.Range(1, 90).Select(i => $"Etapa {i}: a equipe confere o item {i} do checklist tecnico e anota no relatorio."),
        "Quando o cliente disser que achou caro:",
        "Resposta: \"Entendo, (nome). O kit Girassol se paga em sete meses.\"",
    ]);

    [Fact]
    public async Task A_rep_answers_a_whatsapp_objection_from_an_uploaded_pdf_opens_its_source_uses_it_and_the_thumbs_up_reaches_the_playground()
    {
        var owner = await browser.App.RegisterAsync("Girassol Solar");
        await ReceiveWhatsAppAsync(owner, "Marina Copiloto", "Achei caro");
        var page = await browser.SignInAsync(owner.Email, "/knowledge", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "copilot", async () =>
        {
            // The manager uploads the PDF and sees its chunks.
            await page.Locator("[data-testid=kb-new-document]").ClickAsync();
            await page.Locator("input[data-testid=kb-title]").ClickAsync();
            await page.Keyboard.TypeAsync(Title);
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator("[data-testid=kb-upload-button]")).ToBeEnabledAsync();
            await page.Locator("[data-testid=kb-upload] input[type=file], .mud-file-upload input[type=file]").First
                .SetInputFilesAsync(new FilePayload { Name = "girassol.pdf", MimeType = "application/pdf", Buffer = PlaybookPdf() });
            await page.WaitForURLAsync(new Regex("/knowledge/documents/"));
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=kb-document]")).ToContainTextAsync(Title);
            Assert.True(await page.Locator("[data-testid=kb-chunk]").CountAsync() >= 4, "the PDF should make several chunks");
            // The answer ends the last chunk, past its preview: "show more" reveals it.
            await page.Locator("[data-testid=kb-chunk]").Last.GetByRole(AriaRole.Button, new() { Name = "Mostrar tudo" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=kb-chunk]").Last).ToContainTextAsync("sete meses");

            // The playground ranks the answer first for the customer's words and shows why; no feedback yet.
            var answerChunk = await SearchPlaygroundAsync(page);
            await Assertions.Expect(Hit(page, answerChunk).Locator("[data-testid=kb-signals]")).ToContainTextAsync("Trigramas");
            await Assertions.Expect(Hit(page, answerChunk).Locator("[data-testid=kb-signal-feedback]")).ToHaveTextAsync("Feedback: —");

            // The rep opens the lead from its conversation; the copilot has the customer's message as context.
            await page.GotoAsync("/conversations");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.Locator("[data-testid=conversation-row][data-lead-name='Marina Copiloto']").ClickAsync();
            await page.WaitForURLAsync(new Regex("/leads/"));
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("textarea[data-testid=copilot-context]")).ToHaveValueAsync("Achei caro");
            await page.Locator("[data-testid=copilot-intent-objection]").ClickAsync();
            await page.Locator("[data-testid=copilot-ask]").ClickAsync();

            var suggestion = page.Locator("[data-testid=copilot-suggestion]").First;
            await Assertions.Expect(suggestion.Locator("[data-testid=copilot-origin]")).ToHaveTextAsync("Do seu playbook");
            await Assertions.Expect(suggestion.Locator("[data-testid=copilot-origin]")).ToHaveAttributeAsync("data-origin", "playbook");
            await Assertions.Expect(suggestion.Locator("[data-testid=copilot-text]")).ToHaveTextAsync("Entendo, Marina. O kit Girassol se paga em sete meses.");
            var source = suggestion.Locator("[data-testid=copilot-source]");
            await Assertions.Expect(source).ToHaveTextAsync(new Regex(Regex.Escape(Title)));
            Assert.EndsWith($"?chunk={answerChunk}", await source.GetAttributeAsync("href"));
            await page.Locator("[data-testid=copilot-panel]").ScrollIntoViewIfNeededAsync();
            await BrowserApp.ScreenshotAsync(page.Locator("[data-testid=copilot-panel]"), "copilot-playbook");

            // Use it in the WhatsApp composer, then thumbs up.
            await suggestion.Locator("[data-testid=copilot-use]").ClickAsync();
            await Assertions.Expect(page.Locator("textarea[data-testid=composer-text]")).ToHaveValueAsync("Entendo, Marina. O kit Girassol se paga em sete meses.");
            await suggestion.Locator("[data-testid=copilot-up]").ClickAsync();
            await Assertions.Expect(suggestion.Locator("[data-testid=copilot-up]")).ToHaveAttributeAsync("aria-pressed", "true");

            // The source opens the document at the cited chunk: marked and scrolled to (it is the last of many).
            await source.ClickAsync();
            await page.WaitForURLAsync(new Regex($"chunk={answerChunk}"));
            var cited = page.Locator("[data-testid=kb-chunk][data-cited=true]");
            await Assertions.Expect(cited).ToContainTextAsync("sete meses");
            await Assertions.Expect(cited.Locator("[data-testid=kb-chunk-cited]")).ToHaveTextAsync("Trecho citado pelo copiloto");
            await Assertions.Expect(cited).ToBeInViewportAsync();
            await Assertions.Expect(page.Locator("[data-testid=kb-chunk]").First).Not.ToBeInViewportAsync();
            await BrowserApp.ScreenshotAsync(cited, "copilot-source");

            // The thumbs up is the chunk's feedback signal in the playground.
            Assert.Equal(answerChunk, await SearchPlaygroundAsync(page));
            await Assertions.Expect(Hit(page, answerChunk).Locator("[data-testid=kb-signal-feedback]")).ToHaveTextAsync(new Regex(@"^Feedback: \+\d"));
        });

        var rated = await owner.GetJsonAsync("/api/v1/copilot/suggestions?rating=up");
        Assert.Equal(1, (int)rated["total"]!);
        var session = (await owner.GetJsonAsync("/api/v1/copilot/sessions"))["items"]![0]!;
        Assert.Equal("inserted", (string?)session["outcome"]);
        Assert.Equal("playbook", (string?)session["provider"]);
        Assert.Equal("Achei caro", (string?)session["context"]);
    }

    /// <summary>Asks the playground for the customer's words with the keyboard; returns the top hit's chunk, which must be the PDF's.</summary>
    private static async Task<string> SearchPlaygroundAsync(IPage page)
    {
        await page.GotoAsync("/knowledge");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Testar busca" }).ClickAsync();
        await page.Locator("input[data-testid=kb-query]").ClickAsync();
        await page.Keyboard.TypeAsync("achei caro");
        await page.Keyboard.PressAsync("Enter");
        var top = page.Locator("[data-testid=kb-hit]").First;
        await Assertions.Expect(top.Locator("[data-testid=kb-hit-title]")).ToHaveTextAsync(Title);
        await Assertions.Expect(top).ToContainTextAsync("sete meses");
        return (await top.GetAttributeAsync("data-chunk-id"))!;
    }

    private static ILocator Hit(IPage page, string chunkId) => page.Locator($"[data-testid=kb-hit][data-chunk-id='{chunkId}']");

    private async Task ReceiveWhatsAppAsync(Session owner, string name, string text)
    {
        const string phoneNumberId = "106540352249001";
        await (await owner.Client.PutAsJsonAsync("/api/v1/integrations/whatsapp", new { phone_number_id = phoneNumberId, access_token = "EAAG-e2e-copilot" })).ExpectAsync(HttpStatusCode.OK);
        const string from = "5511955559001";
        await browser.PostSignedWebhookAsync("/api/webhooks/whatsapp", InboundAppBase.WhatsAppSecret, new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject { ["id"] = "1", ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["display_phone_number"] = "551140000000", ["phone_number_id"] = phoneNumberId },
                ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = from }),
                ["messages"] = new JsonArray(new JsonObject { ["from"] = from, ["id"] = "wamid.COPILOT1", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } }),
            } }) }),
        });
        await Eventually.GetAsync(owner, "/api/v1/conversations", c => (int)c["total"]! == 1);
    }
}
