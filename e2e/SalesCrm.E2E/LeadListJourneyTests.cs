using System.Net;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

public sealed class LeadListJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_imports_a_csv_with_mapping_sees_the_report_and_finds_the_leads_in_the_list()
    {
        var owner = await browser.App.RegisterAsync("Importadora");
        var page = await browser.NewPageAsync();
        await BrowserApp.CaptureOnFailureAsync(page, "import", async () =>
        {
            await page.GotoAsync("/account/login?return_url=%2Fleads");
            await page.FillAsync("#email", owner.Email);
            await page.FillAsync("#password", Api.Password);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.WaitForURLAsync(browser.BaseUrl + "/leads");
            await BrowserApp.WaitForCircuitAsync(page);

            await page.ClickAsync("[data-testid=list-import]");
            var csv = "Nome;Celular;Empresa;Valor\nFernanda Alves;(31) 99876-1111;Doceria Mel;2.000,00\nGuilherme Rocha;31 99876-2222;;\n;123;;\n"u8.ToArray();
            await ChooseFileAsync(page, "contatos.csv", csv, "[data-testid=import-run]");
            await page.ClickAsync("[data-testid=import-run]");
            await Assertions.Expect(page.Locator("[data-testid=import-report]")).ToContainTextAsync("3 rows: 2 created, 0 updated, 0 unchanged, 1 invalid");
            await Assertions.Expect(page.Locator("[data-testid=lead-grid]")).ToContainTextAsync("Fernanda Alves");
            await Assertions.Expect(page.Locator("[data-testid=lead-grid]")).ToContainTextAsync("Doceria Mel");

            await page.Locator("[data-testid=list-search]").FillAsync("Guilherme");
            await Assertions.Expect(page.Locator("[data-testid=lead-grid]")).Not.ToContainTextAsync("Fernanda Alves");
            await Assertions.Expect(page.Locator("[data-testid=lead-grid]")).ToContainTextAsync("Guilherme Rocha");
            await BrowserApp.ScreenshotAsync(page, "leads");

            // Bulk delete asks first, naming how many.
            await page.Locator("[data-testid=lead-grid] tbody tr", new() { HasText = "Guilherme Rocha" }).Locator("input[type=checkbox]").CheckAsync();
            await page.ClickAsync("[data-testid=bulk-delete]");
            var dialog = page.Locator(".mud-dialog");
            await Assertions.Expect(dialog).ToContainTextAsync("Delete 1 lead?");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=lead-grid]")).Not.ToContainTextAsync("Guilherme Rocha");
        });
        var leads = await (await owner.Client.GetAsync("/api/v1/leads?phone=eq.%2B5531998761111")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2000m, (decimal)leads["items"]![0]!["value"]!);
        Assert.Equal(1, (int)(await (await owner.Client.GetAsync("/api/v1/leads")).ExpectAsync(HttpStatusCode.OK))["total"]!);
    }

    [Fact]
    public async Task A_windows_1252_file_from_excel_imports_with_its_accents_and_says_how_it_was_read()
    {
        var owner = await browser.App.RegisterAsync("Planilhas Excel");
        var page = await browser.SignInAsync(owner.Email, "/leads");
        var csv = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Nome;Telefone;Previsão de fechamento;Valor\r\nJoão Conceição;(11) 98765-4321;;R$ 1.500\r\n");
        await BrowserApp.CaptureOnFailureAsync(page, "import-1252", async () =>
        {
            await page.ClickAsync("[data-testid=list-import]");
            await ChooseFileAsync(page, "excel.csv", csv, "[data-testid=import-run]");
            await Assertions.Expect(page.Locator("[data-testid=import-panel]")).ToContainTextAsync("Previsão de fechamento");
            await page.ClickAsync("[data-testid=import-run]");
            await Assertions.Expect(page.Locator("[data-testid=import-report]")).ToContainTextAsync("1 rows: 1 created");
            await Assertions.Expect(page.Locator("[data-testid=import-encoding]")).ToContainTextAsync("Windows-1252");
            await Assertions.Expect(page.Locator("[data-testid=lead-grid]")).ToContainTextAsync("João Conceição");
        });
        var lead = (await owner.GetJsonAsync("/api/v1/leads"))["items"]![0]!;
        Assert.Equal("João Conceição", (string?)lead["name"]);
        Assert.Equal(1500m, (decimal)lead["value"]!);
    }

    [Fact]
    public async Task A_quote_that_never_closes_is_refused_in_the_panel_and_a_good_file_shows_its_mapping_and_warnings()
    {
        var owner = await browser.App.RegisterAsync("Aspas e Colunas");
        var page = await browser.SignInAsync(owner.Email, "/leads");
        var windows1252 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var unclosed = "Nome;Telefone;Empresa\r\n\"Ana Aspas;11987652001;Loja\r\nBeto Normal;11987652002;Loja B\r\nCida Normal;11987652003;Loja C\r\n"u8.ToArray();
        var titles = windows1252.GetBytes("Nome Completo;Telefone Celular;Email;Valor (R$);Observações;Cidade\r\nPedro Álvares;(11) 98765-3333;pedro@example.com;R$ 3.000,00;cliente bom;Curitiba\r\n");
        await BrowserApp.CaptureOnFailureAsync(page, "import-quotes-columns", async () =>
        {
            await page.ClickAsync("[data-testid=list-import]");
            await ChooseFileAsync(page, "aspas.csv", unclosed, "[data-testid=import-file-error]");
            await Assertions.Expect(page.Locator("[data-testid=import-file-error]")).ToContainTextAsync("line 2: a quote opens here and is never closed");
            await Assertions.Expect(page.Locator("[data-testid=import-run]")).ToHaveCountAsync(0);
            await BrowserApp.ScreenshotAsync(page, "import-unclosed-quote");

            await ChooseFileAsync(page, "colunas.csv", titles, "[data-testid=import-run]");
            await Assertions.Expect(page.Locator("[data-testid=import-file-error]")).ToHaveCountAsync(0);
            var cidade = page.Locator("[data-testid=import-mapping] tr", new() { HasText = "Cidade" });
            await Assertions.Expect(cidade).ToContainTextAsync("not imported");
            await Assertions.Expect(page.Locator("[data-testid=import-mapping] tr", new() { HasText = "Observações" })).Not.ToContainTextAsync("not imported");
            await BrowserApp.ScreenshotAsync(page, "import-mapping");
            await page.ClickAsync("[data-testid=import-run]");
            await Assertions.Expect(page.Locator("[data-testid=import-report]")).ToContainTextAsync("1 rows: 1 created");
            await Assertions.Expect(page.Locator("[data-testid=import-warnings]")).ToContainTextAsync("Cidade: no field to import it into");
            await BrowserApp.ScreenshotAsync(page, "import-warnings");
        });
        var pedro = (await owner.GetJsonAsync("/api/v1/leads"))["items"]!.AsArray().Single()!;
        Assert.Equal("+5511987653333", (string?)pedro["phone"]);
        Assert.Equal(3000m, (decimal)pedro["value"]!);
    }

    /// <summary>
    /// Chooses a file in the import panel until <paramref name="ready"/> appears: InputFile hooks its change listener from
    /// JS after the panel renders, and a file chosen before that is not seen (a user would simply pick the file again).
    /// </summary>
    private static async Task ChooseFileAsync(IPage page, string name, byte[] content, string ready)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A chosen file leaves its input hidden and MudFileUpload adds a fresh one for the next choice.
            await page.Locator("[data-testid=import-panel] input[type=file]:not(.d-none)").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
            try
            {
                await page.Locator(ready).WaitForAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }
}
