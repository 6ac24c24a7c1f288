using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

public sealed class TemplatesJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_workspace_without_templates_is_told_how_to_create_one_and_then_can_answer_a_lead_outside_the_window()
    {
        var owner = await browser.App.RegisterAsync("Loja Modelos");
        var lead = await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Renata Prado", phone = "+5511987650099" })).ExpectAsync(HttpStatusCode.Created);
        var page = await browser.SignInAsync(owner.Email, $"/leads/{lead["id"]}", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "templates", async () =>
        {
            // Outside the 24-hour window with no approved template: the composer says what to do, with a link.
            var hint = page.Locator("[data-testid=no-approved-templates]");
            await Assertions.Expect(hint).ToContainTextAsync("Nenhum modelo aprovado");
            await page.Locator("[data-testid=create-template-link]").ClickAsync();
            await page.WaitForURLAsync(browser.BaseUrl + "/settings/templates");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=no-templates]")).ToContainTextAsync("WhatsApp Manager");

            // Categories and statuses read in Portuguese ("Utilidade", not "Utility").
            await Assertions.Expect(page.Locator("[data-testid=template-category]")).ToHaveValueAsync("Utilidade");
            await page.Locator("[data-testid=template-name]").ClickAsync();
            await page.Keyboard.TypeAsync("boas_vindas");
            await page.Locator("[data-testid=template-body]").ClickAsync();
            await page.Keyboard.TypeAsync("Olá, {{first_name}}! Podemos conversar?");
            await page.Locator("[data-testid=template-create]").ClickAsync();
            var table = page.Locator("[data-testid=templates-table]");
            await Assertions.Expect(table).ToContainTextAsync("boas_vindas");
            await Assertions.Expect(table).ToContainTextAsync("Utilidade");
            await Assertions.Expect(table.Locator("[data-testid=template-status]")).ToHaveValueAsync("Aprovado");
            await Assertions.Expect(table).Not.ToContainTextAsync("Utility");

            // Back on the lead, the template can be chosen and sent.
            await page.GotoAsync($"/leads/{lead["id"]}");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(hint).ToHaveCountAsync(0);
            await page.Locator("[data-testid=composer-template]").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "boas_vindas" }).ClickAsync();
            await page.Locator("[data-testid=composer-send-template]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=bubble-text]", new() { HasText = "Olá, Renata! Podemos conversar?" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_template_variable_left_empty_is_marked_under_its_box_in_the_readers_language()
    {
        var owner = await browser.App.RegisterAsync("Variáveis Vazias");
        var lead = await owner.CreateLeadAsync(new { name = "Renata Prazo", phone = "+5511955554141" });
        await (await owner.Client.PostAsJsonAsync("/api/v1/templates", new { name = "lembrete_data", category = "utility", language = "pt_BR", body = "Olá {{first_name}}, a visita é em {{data}}.", status = "approved" }))
            .ExpectAsync(HttpStatusCode.Created);
        var page = await browser.SignInAsync(owner.Email, $"/leads/{lead["id"]}", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "template-empty-variable", async () =>
        {
            await page.Locator("[data-testid=composer-template]").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "lembrete_data" }).ClickAsync();
            await page.Locator("[data-testid=composer-send-template]").ClickAsync();
            var box = page.Locator(".mud-input-control", new() { Has = page.Locator("[data-testid=composer-variable-data]") });
            await Assertions.Expect(box).ToContainTextAsync("é obrigatório.");
            await Assertions.Expect(page.Locator(".mud-snackbar")).Not.ToContainTextAsync("Missing values");
            await page.Locator("[data-testid=composer-variable-data]").ClickAsync();
            await page.Keyboard.TypeAsync("terça");
            await page.Locator("[data-testid=composer-send-template]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=bubble-text]", new() { HasText = "a visita é em terça." })).ToBeVisibleAsync();
        });
    }
}
