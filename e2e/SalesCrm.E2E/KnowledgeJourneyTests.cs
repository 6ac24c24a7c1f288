using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Core.Tests.Knowledge;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Knowledge;

namespace SalesCrm.E2E;

public sealed class KnowledgeJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_uploads_a_pdf_sees_its_chunks_and_finds_it_in_the_playground()
    {
        var owner = await browser.App.RegisterAsync("Solar Nordeste");
        var page = await browser.SignInAsync(owner.Email, "/knowledge", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "knowledge", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=kb-empty]")).ToContainTextAsync("Nenhum documento ainda");
            await BrowserApp.ScreenshotAsync(page, "knowledge-empty");

            await page.Locator("[data-testid=kb-new-document]").ClickAsync();
            var pdf = KnowledgeTestFiles.Pdf("Garantia dos paineis solares", "Os paineis tem garantia de vinte e cinco anos de desempenho.",
                "O inversor tem garantia de cinco anos contra defeitos.");
            // The file goes into the upload's file input as the browser's picker would put it (waiting on the picker
            // itself raced the button's first render now and then).
            await Assertions.Expect(page.Locator("[data-testid=kb-upload-button]")).ToBeEnabledAsync();
            await page.Locator("[data-testid=kb-upload] input[type=file], .mud-file-upload input[type=file]").First
                .SetInputFilesAsync(new FilePayload { Name = "garantia-solar.pdf", MimeType = "application/pdf", Buffer = pdf });

            // The upload ends on the new document's page with its chunks.
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/knowledge/documents/"));
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=kb-document]")).ToContainTextAsync("garantia-solar");
            await Assertions.Expect(page.Locator("[data-testid=kb-chunk]").First).ToContainTextAsync("vinte e cinco anos");
            await BrowserApp.ScreenshotAsync(page, "knowledge-document");

            await page.GotoAsync("/knowledge");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=kb-documents]")).ToContainTextAsync("garantia-solar");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Testar busca" }).ClickAsync();
            await page.Locator("[data-testid=kb-query]").ClickAsync();
            await page.Keyboard.TypeAsync("qual a garantia do painel?");
            await page.Keyboard.PressAsync("Enter");
            var hit = page.Locator("[data-testid=kb-hit]").First;
            await Assertions.Expect(hit.Locator("[data-testid=kb-hit-title]")).ToHaveTextAsync("garantia-solar");
            await Assertions.Expect(hit.Locator("[data-testid=kb-signals]")).ToContainTextAsync("Trigramas");
            await Assertions.Expect(hit.Locator("mark").First).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(page, "knowledge-playground");
        });
    }

    [Fact]
    public async Task An_edited_documents_previous_version_opens_and_stays_readable()
    {
        var owner = await browser.App.RegisterAsync("Versões QA");
        var created = await owner.CreateDocumentAsync("Garantia do inversor", "O inversor tem garantia de cinco anos.");
        var id = (string)created["id"]!;
        (await owner.Client.PatchAsJsonAsync($"/api/v1/knowledge/documents/{id}", new { content = "O inversor tem garantia de sete anos." }))
            .EnsureSuccessStatusCode();
        var page = await browser.SignInAsync(owner.Email, $"/knowledge/documents/{id}", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "knowledge-versions", async () =>
        {
            await BrowserApp.WaitForCircuitAsync(page);
            await page.Locator("[data-testid=kb-versions] .mud-expand-panel-header").First.ClickAsync();
            var first = page.Locator("[data-testid=kb-versions] .mud-expand-panel-header", new() { HasText = "v1 ·" });
            // Clicked once it stands still (the list is still opening), as a reader would.
            await first.ClickAsync();
            var expanded = new System.Text.RegularExpressions.Regex("mud-panel-expanded");
            // Once v1 is open the same render decided the list around it: it must still be open (it used to close).
            await Assertions.Expect(first.Locator("xpath=..")).ToHaveClassAsync(expanded);
            await Assertions.Expect(page.Locator("[data-testid=kb-versions]")).ToHaveClassAsync(expanded);
            await Assertions.Expect(page.Locator("[data-testid=kb-versions]").GetByText("O inversor tem garantia de cinco anos.")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_manager_edits_a_document_on_its_page_with_errors_under_the_fields_and_the_old_text_stays_in_the_versions()
    {
        var owner = await browser.App.RegisterAsync("Edição QA");
        var id = (string)(await owner.CreateDocumentAsync("Garantia do inversor", "O inversor tem garantia de cinco anos."))["id"]!;
        var page = await browser.SignInAsync(owner.Email, $"/knowledge/documents/{id}", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "knowledge-edit", async () =>
        {
            await BrowserApp.WaitForCircuitAsync(page);
            await page.Locator("[data-testid=kb-edit]").ClickAsync();
            var editor = page.Locator("[data-testid=kb-editor]");
            await Assertions.Expect(editor).ToBeVisibleAsync();

            // An empty title is refused under the title box, not only in a snackbar.
            await ReplaceAsync(page, "[data-testid=kb-edit-title]", "");
            await page.Locator("[data-testid=kb-edit-save]").ClickAsync();
            await Assertions.Expect(editor.Locator(".mud-input-helper-text.mud-input-error").First).ToContainTextAsync("obrigatório");
            await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Corrija os campos destacados");
            await BrowserApp.ScreenshotAsync(page, "knowledge-edit-error");

            await ReplaceAsync(page, "[data-testid=kb-edit-title]", "Garantia do inversor e dos painéis");
            await ReplaceAsync(page, "[data-testid=kb-edit-content]", "O inversor tem garantia de sete anos e os painéis de vinte e cinco.");
            await page.Locator("[data-testid=kb-edit-save]").ClickAsync();
            await Assertions.Expect(editor).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=kb-document]")).ToContainTextAsync("Garantia do inversor e dos painéis");
            await Assertions.Expect(page.Locator("[data-testid=kb-document]")).ToContainTextAsync("v2");
            await Assertions.Expect(page.Locator("[data-testid=kb-chunk]").First).ToContainTextAsync("sete anos");
            await page.Locator("[data-testid=kb-versions] .mud-expand-panel-header").First.ClickAsync();
            await page.Locator("[data-testid=kb-versions] .mud-expand-panel-header", new() { HasText = "v1 ·" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=kb-versions]").GetByText("O inversor tem garantia de cinco anos.")).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(page, "knowledge-edit-saved");
        });
    }

    /// <summary>Clears a text box and types into it as a user would (the test id is on the box or on its input).</summary>
    private static async Task ReplaceAsync(IPage page, string selector, string text)
    {
        var box = page.Locator($"{selector} input, {selector} textarea, input{selector}, textarea{selector}").First;
        await box.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        if (text.Length > 0) await page.Keyboard.TypeAsync(text);
        await box.BlurAsync();
    }
}
