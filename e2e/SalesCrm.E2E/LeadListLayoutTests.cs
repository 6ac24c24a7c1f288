using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>The lead list on a laptop screen: one line per row, every column with its filter box, nothing cut at the right.</summary>
public sealed class LeadListLayoutTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    /// <summary>What the page's geometry says is wrong: wrapped texts, cut filter boxes, columns past the grid's right edge.</summary>
    private const string LayoutProblems = """
        () => {
          const problems = [];
          const grid = document.querySelector('[data-testid=lead-grid]');
          const box = grid.querySelector('.mud-table-container');
          if (box.scrollWidth > box.clientWidth + 1) problems.push(`the grid scrolls sideways (${box.scrollWidth} > ${box.clientWidth})`);
          const right = box.getBoundingClientRect().right;
          const headers = [...grid.querySelectorAll('thead tr:first-child th')];
          const filters = [...grid.querySelectorAll('thead tr:nth-child(2) th')];
          const ruler = document.createElement('canvas').getContext('2d');
          headers.forEach((th, i) => {
            const title = th.innerText.trim();
            if (th.getBoundingClientRect().right > right + 1) problems.push(`column ${title} is cut`);
            if (i === 0) return;
            const control = filters[i]?.querySelector('.mud-input-control');
            if (!control) { problems.push(`column ${title} has no filter`); return; }
            const cell = filters[i].getBoundingClientRect(), field = control.getBoundingClientRect();
            if (field.left < cell.left - 1 || field.right > cell.right + 1) problems.push(`the filter of ${title} sticks out of its column`);
            // What the box shows: an input's value or placeholder, or a select's chosen text; it must fit beside the box's icon.
            const slot = [...control.querySelectorAll('.mud-input-slot')].find(e => e.type !== 'hidden' && getComputedStyle(e).display !== 'none');
            const text = slot.tagName === 'INPUT' ? (slot.value || slot.placeholder) : slot.textContent;
            const icon = control.querySelector('.mud-input-adornment')?.getBoundingClientRect().width ?? 0;
            ruler.font = getComputedStyle(slot).font;
            if (ruler.measureText(text).width > field.width - icon + 1) problems.push(`the filter of ${title} cuts "${text}"`);
          });
          for (const el of grid.querySelectorAll('tbody td span, tbody td a')) {
            const style = getComputedStyle(el);
            if (el.getClientRects().length > 1 || el.getBoundingClientRect().height > 2 * parseFloat(style.fontSize)) problems.push(`"${el.innerText}" wraps`);
          }
          return problems;
        }
        """;

    [Theory]
    [InlineData(1366)]
    [InlineData(1440)]
    public async Task At_laptop_widths_every_row_is_one_line_and_every_column_is_whole_with_a_filter(int width)
    {
        var owner = await browser.App.RegisterAsync("Leitura " + width);
        var stages = await owner.StagesAsync();
        (string Name, string Company, string Phone, decimal Value, string Stage)[] leads =
        [
            ("Rafael Nascimento", "Contabilidade Exata", "(61) 97078-9286", 14_550m, "Proposta"),
            ("Maria Eduarda Albuquerque", "Restaurante Sabor Mineiro", "(11) 98765-4321", 1_250_000m, "Negociação"),
            ("Ana Lima", "Ótica Visão Clara", "(21) 3456-7890", 400m, "Novo"),
            ("Gustavo Freitas", "Transportadora Veloz", "(85) 99979-5553", 18_000m, "Qualificado"),
        ];
        foreach (var lead in leads)
            await owner.CreateLeadAsync(new { name = lead.Name, company = lead.Company, phone = lead.Phone, value = lead.Value, stage_id = stages[lead.Stage], source = "meta_ads" });

        var page = await browser.SignInAsync(owner.Email, "/leads", "pt-BR");
        await page.SetViewportSizeAsync(width, 900);
        await BrowserApp.CaptureOnFailureAsync(page, $"lead-list-{width}", async () =>
        {
            var grid = page.Locator("[data-testid=lead-grid]");
            await Assertions.Expect(grid.Locator("tbody tr")).ToHaveCountAsync(leads.Length);
            Assert.Empty(await page.EvaluateAsync<string[]>(LayoutProblems));
            var row = grid.Locator("tbody tr", new() { HasText = "Rafael Nascimento" });
            await Assertions.Expect(row.Locator("[data-testid=lead-list-phone]")).ToHaveTextAsync("(61) 97078-9286");
            Assert.Equal("R$ 14.550,00", (await row.Locator("[data-testid=lead-list-value]").InnerTextAsync()).Replace('\u00A0', ' '));
            await BrowserApp.ScreenshotAsync(page, $"leads-{width}");

            // The filter boxes work with a real keyboard and mouse: a name part, then a stage picked from its list.
            await page.Locator("[data-testid=filter-name]").ClickAsync();
            await page.Keyboard.TypeAsync("nasc");
            await Assertions.Expect(grid.Locator("tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(grid).ToContainTextAsync("Rafael Nascimento");
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.PressAsync("Backspace");
            await Assertions.Expect(grid.Locator("tbody tr")).ToHaveCountAsync(leads.Length);
            await page.Locator("[data-testid=filter-stage]").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Negociação" }).ClickAsync();
            await Assertions.Expect(grid.Locator("tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(grid).ToContainTextAsync("Maria Eduarda Albuquerque");
            Assert.Empty(await page.EvaluateAsync<string[]>(LayoutProblems));
        });
    }

    [Theory]
    [InlineData("pt-BR", "14.550", "14.550,00")]
    [InlineData("en", "14,550", "14,550.00")]
    public async Task Filter_boxes_ignore_accents_typed_either_way_and_read_numbers_in_the_ui_culture(string culture, string thousands, string decimals)
    {
        var owner = await browser.App.RegisterAsync("Filtros " + culture);
        (string Name, string Company, decimal Value)[] leads =
        [
            ("João Dias", "Pão Dourado", 14_550m), ("Joana Araújo", "Ótica Visão", 14_549m), ("Pedro Alves", "Padaria Central", 400m),
        ];
        foreach (var lead in leads) await owner.CreateLeadAsync(new { name = lead.Name, company = lead.Company, value = lead.Value });
        var page = await browser.SignInAsync(owner.Email, "/leads", culture);
        await BrowserApp.CaptureOnFailureAsync(page, $"lead-list-filters-{culture}", async () =>
        {
            var grid = page.Locator("[data-testid=lead-grid]");
            var rows = grid.Locator("tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(leads.Length);
            async Task TypeAsync(string box, string text, params string[] expected)
            {
                await page.Locator($"[data-testid={box}]").ClickAsync();
                await page.Keyboard.PressAsync("Control+A");
                await page.Keyboard.PressAsync("Backspace");
                await page.Keyboard.TypeAsync(text);
                await Assertions.Expect(rows).ToHaveCountAsync(expected.Length);
                foreach (var name in expected) await Assertions.Expect(grid).ToContainTextAsync(name);
            }
            await TypeAsync("filter-name", "joao", "João Dias");
            await TypeAsync("filter-name", "ARAUJO", "Joana Araújo");
            await TypeAsync("filter-name", "", leads.Select(l => l.Name).ToArray());
            await TypeAsync("filter-company", "pao dourado", "João Dias");
            await TypeAsync("filter-company", "ótica", "Joana Araújo");
            await TypeAsync("filter-company", "", leads.Select(l => l.Name).ToArray());
            // A minimum of fourteen thousand five hundred and fifty, in the culture's digits: 14.55 would let all three through.
            await TypeAsync("filter-value", thousands, "João Dias");
            await TypeAsync("filter-value", decimals, "João Dias");
        });
    }

    [Fact]
    public async Task A_rep_who_sees_only_their_own_leads_gets_no_owner_column_or_filter()
    {
        var owner = await browser.App.RegisterAsync("Só os meus");
        var rep = await owner.AddMemberAsync("sales_rep");
        await (await rep.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Lead da Carla" })).ExpectAsync(HttpStatusCode.Created);
        var page = await browser.SignInAsync(rep.Email, "/leads", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "rep-owner-filter", async () =>
        {
            var grid = page.Locator("[data-testid=lead-grid]");
            await Assertions.Expect(grid).ToContainTextAsync("Lead da Carla");
            await Assertions.Expect(grid.Locator("thead")).Not.ToContainTextAsync("Responsável");
            await Assertions.Expect(page.Locator("[data-testid=filter-owner]")).ToHaveCountAsync(0);
            await page.GotoAsync("/pipeline");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=board]")).ToContainTextAsync("Lead da Carla");
            await Assertions.Expect(page.Locator("[data-testid=board-owner]")).ToHaveCountAsync(0);
        });

        // A manager still filters by owner on both pages.
        var managerPage = await browser.SignInAsync(owner.Email, "/leads", "pt-BR");
        await Assertions.Expect(managerPage.Locator("[data-testid=filter-owner]")).ToHaveCountAsync(1);
        await managerPage.GotoAsync("/pipeline");
        await BrowserApp.WaitForCircuitAsync(managerPage);
        await Assertions.Expect(managerPage.Locator("[data-testid=board-owner]")).ToHaveCountAsync(1);
    }
}
