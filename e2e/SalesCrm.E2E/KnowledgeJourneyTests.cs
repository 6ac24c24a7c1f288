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
}
