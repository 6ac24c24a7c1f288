using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>A card as a rep handles it with a real mouse and keyboard: the first card of a column included.</summary>
public sealed class BoardCardTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private async Task<(Session Owner, Dictionary<string, string> Stages, string[] Ids)> SeedAsync(string workspace, params string[] names)
    {
        var owner = await browser.App.RegisterAsync(workspace);
        var stages = await owner.StagesAsync();
        var ids = new List<string>();
        foreach (var name in names) ids.Add((string)(await owner.CreateLeadAsync(new { name, value = 1000, stage_id = stages["Novo"] }))["id"]!);
        return (owner, stages, ids.ToArray());
    }

    [Fact]
    public async Task A_click_on_the_first_cards_title_opens_the_lead()
    {
        var (owner, _, ids) = await SeedAsync("Quadro Clique", "Primeira Carla", "Segundo Caio");
        var page = await browser.SignInAsync(owner.Email, "/pipeline");
        await BrowserApp.CaptureOnFailureAsync(page, "board-first-card-click", async () =>
        {
            var first = page.Locator("[data-testid='zone-Novo'] .lead-card").First;
            await Assertions.Expect(first).ToHaveAttributeAsync("data-testid", $"card-{ids[0]}");
            // Where a rep clicks: on the name, and at the far end of the title row, next to the menu.
            var name = (await first.Locator("[data-testid=card-name]").BoundingBoxAsync())!;
            var menu = (await first.Locator("[data-testid=card-menu]").BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(menu.X - 6, name.Y + name.Height / 2);
            // A link inside the app: the lead page renders in place (no load event to wait for), then the URL says so.
            await Assertions.Expect(page.Locator("input[data-testid=lead-name]")).ToHaveValueAsync("Primeira Carla", new() { Timeout = 15_000 });
            Assert.Matches($"/leads/{ids[0]}$", page.Url);

            // A fresh board (its cards arrive once the circuit is live), then the name's own top-left corner.
            await page.GotoAsync("/pipeline");
            await BrowserApp.WaitForCircuitAsync(page);
            first = page.Locator("[data-testid='zone-Novo'] .lead-card").First;
            await Assertions.Expect(first).ToHaveAttributeAsync("data-testid", $"card-{ids[0]}");
            await Assertions.Expect(first.Locator("[data-testid=card-name]")).ToBeVisibleAsync();
            name = (await first.Locator("[data-testid=card-name]").BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(name.X + 4, name.Y + 4);
            await Assertions.Expect(page.Locator("input[data-testid=lead-name]")).ToHaveValueAsync("Primeira Carla", new() { Timeout = 15_000 });
            Assert.Matches($"/leads/{ids[0]}$", page.Url);
        });
    }

    [Fact]
    public async Task A_card_dropped_on_the_upper_half_of_the_first_card_goes_first()
    {
        var (owner, stages, ids) = await SeedAsync("Quadro Ordem", "Alta Alice", "Baixo Bruno");
        var other = (string)(await owner.CreateLeadAsync(new { name = "Contato Clara", value = 1000, stage_id = stages["Contato"] }))["id"]!;
        var page = await browser.SignInAsync(owner.Email, "/pipeline");
        await BrowserApp.CaptureOnFailureAsync(page, "board-drop-before-first", async () =>
        {
            var column = page.Locator("[data-testid='zone-Novo'] .lead-card");
            await Assertions.Expect(column.First).ToHaveAttributeAsync("data-testid", $"card-{ids[0]}");
            // The page follows drags once its script is loaded (a person is never that fast; the test waits for it).
            await page.WaitForFunctionAsync("() => window.__crmBoardDrops === true");
            async Task DragOntoUpperHalfAsync(string id, string targetId)
            {
                var from = (await page.Locator($"[data-testid=card-{id}]").BoundingBoxAsync())!;
                var to = (await page.Locator($"[data-testid=card-{targetId}]").BoundingBoxAsync())!;
                await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
                await page.Mouse.DownAsync();
                await page.Mouse.MoveAsync(from.X + from.Width / 2 + 15, from.Y + from.Height / 2 + 15, new() { Steps = 5 });
                await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 4, new() { Steps = 20 });
                await page.Mouse.UpAsync();
            }
            // A drag the page missed (a machine under load can drop before the drag began, as a hurried person can) is
            // tried again, as that person would; dropping the moved card on the same spot again changes nothing.
            async Task DragUntilFirstAsync(string id, string targetId)
            {
                for (var attempt = 1; ; attempt++)
                {
                    await DragOntoUpperHalfAsync(id, targetId);
                    try
                    {
                        await Assertions.Expect(column.First).ToHaveAttributeAsync("data-testid", $"card-{id}", new() { Timeout = 5_000 });
                        return;
                    }
                    catch (PlaywrightException) when (attempt < 3) { }
                }
            }
            // From another column onto the top half of the first card: first.
            await DragUntilFirstAsync(other, ids[0]);
            await Assertions.Expect(column.Nth(1)).ToHaveAttributeAsync("data-testid", $"card-{ids[0]}");
            await Eventually.GetAsync(owner, $"/api/v1/leads?stage_id=eq.{stages["Novo"]}&order=position.asc&limit=1", page => (string?)page["items"]![0]!["id"] == other);
            // Within the column: the last card onto the top half of the first.
            await DragUntilFirstAsync(ids[1], other);
            await Eventually.GetAsync(owner, $"/api/v1/leads?stage_id=eq.{stages["Novo"]}&order=position.asc&limit=1", page => (string?)page["items"]![0]!["id"] == ids[1]);
        });
    }

    [Fact]
    public async Task The_first_card_drags_from_its_top_edge_to_another_column()
    {
        var (owner, stages, ids) = await SeedAsync("Quadro Arrasto", "Topo Tânia", "Meio Mário");
        var page = await browser.SignInAsync(owner.Email, "/pipeline");
        await BrowserApp.CaptureOnFailureAsync(page, "board-first-card-drag", async () =>
        {
            var card = page.Locator($"[data-testid=card-{ids[0]}]");
            await Assertions.Expect(page.Locator("[data-testid='zone-Novo'] .lead-card").First).ToHaveAttributeAsync("data-testid", $"card-{ids[0]}");
            var from = (await card.BoundingBoxAsync())!;
            var to = (await page.Locator("[data-testid='zone-Contato']").BoundingBoxAsync())!;
            // A real mouse: pressed on the card's top edge (the title row), moved in steps, released over the other column.
            await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + 3);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(from.X + from.Width / 2 + 20, from.Y + 20, new() { Steps = 5 });
            await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 20 });
            await page.Mouse.UpAsync();

            await Assertions.Expect(page.Locator($"[data-testid='column-Contato'] [data-testid=card-{ids[0]}]")).ToBeVisibleAsync();
            await Eventually.GetAsync(owner, $"/api/v1/leads/{ids[0]}", lead => (string?)lead["stage_id"] == stages["Contato"]);
        });
    }

    [Fact]
    public async Task Quick_add_says_in_portuguese_that_the_name_is_required_or_too_long_and_creates_nothing()
    {
        var (owner, _, _) = await SeedAsync("Quadro Vazio", "Já Estava");
        var page = await browser.SignInAsync(owner.Email, "/pipeline", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "board-quick-add-spaces", async () =>
        {
            await page.Locator("[data-testid=quick-add-Novo]").ClickAsync();
            await page.Keyboard.TypeAsync("   ");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Digite o nome do lead");
            // A name too long is refused in Portuguese, naming the field as the page does.
            await page.Keyboard.InsertTextAsync(new string('x', 300));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "máximo" })).ToContainTextAsync("Nome: deve ter no máximo 200 caracteres.");
            Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads"))["total"]!);
        });
    }

    [Fact]
    public async Task One_enter_in_quick_add_creates_the_lead_first_in_its_column_and_highlights_it()
    {
        var (owner, stages, _) = await SeedAsync("Quadro Rápido", "Já Estava", "Também Estava");
        var page = await browser.SignInAsync(owner.Email, "/pipeline");
        await BrowserApp.CaptureOnFailureAsync(page, "board-quick-add", async () =>
        {
            await page.Locator("[data-testid=quick-add-Novo]").ClickAsync();
            await page.Keyboard.TypeAsync("Nova Nádia Albuquerque Ferreira");
            await page.Keyboard.PressAsync("Enter");

            // The first card is the highlighted one (only a card just added is), and it is the new lead.
            var first = page.Locator("[data-testid='zone-Novo'] .lead-card").First;
            await Assertions.Expect(first).ToHaveClassAsync(new Regex("just-added"));
            await Assertions.Expect(first).ToHaveAttributeAsync("data-lead-name", "Nova Nádia Albuquerque Ferreira");
            await Assertions.Expect(page.Locator("[data-testid=quick-add-Novo]")).ToHaveValueAsync("");
            var leads = await owner.GetJsonAsync($"/api/v1/leads?name=eq.{Uri.EscapeDataString("Nova Nádia Albuquerque Ferreira")}");
            Assert.Equal(1, (int)leads["total"]!);
            Assert.Equal(stages["Novo"], (string?)leads["items"]![0]!["stage_id"]);
            // Enter twice out of habit still adds one lead.
            await page.Keyboard.TypeAsync("Dupla Enter");
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("[data-testid='zone-Novo'] .lead-card").First).ToHaveAttributeAsync("data-lead-name", "Dupla Enter");
            await Assertions.Expect(page.Locator("[data-testid='zone-Novo'] .lead-card").Nth(1)).ToHaveAttributeAsync("data-lead-name", "Nova Nádia Albuquerque Ferreira");

            // They stay first for everyone (the column is ordered by position), and the second Enter added nothing.
            await page.ReloadAsync();
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid='zone-Novo'] .lead-card").First).ToHaveAttributeAsync("data-lead-name", "Dupla Enter");
            await Assertions.Expect(page.Locator("[data-testid='zone-Novo'] [data-lead-name='Dupla Enter']")).ToHaveCountAsync(1);
            Assert.Equal(1, (int)(await owner.GetJsonAsync("/api/v1/leads?name=eq.Dupla%20Enter"))["total"]!);
        });
    }
}
