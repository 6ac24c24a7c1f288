using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

/// <summary>"Testar com um lead" in the designer: pick a lead, see the path it would take highlighted and the actions listed; an edit clears it.</summary>
public sealed class WorkflowDryRunJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static object Node(string id, string type, object settings, int x, int y) => new { id, type, settings, position = new { x, y } };

    private static object Edge(string source, string target, string port = "next") => new { source, source_port = port, target };

    [Fact]
    public async Task Testing_the_draft_with_a_lead_highlights_the_nodes_it_would_run_and_lists_its_actions()
    {
        var owner = await browser.App.RegisterAsync("Teste Seco");
        var graph = new
        {
            nodes = new[]
            {
                Node("start", "trigger", new { kind = "manual" }, 0, 120),
                Node("big", "condition", new { field = "lead.value", @operator = "gte", value = 1000 }, 280, 120),
                Node("hello", "send_whatsapp", new { text = "Olá {{lead.name | first_name}}!" }, 560, 20),
                Node("task", "create_activity", new { title = "Ligar para {{lead.name}}", activity_type = "call" }, 840, 20),
                Node("cold", "add_tag", new { tag = "frio" }, 560, 240),
            },
            edges = new[] { Edge("start", "big"), Edge("big", "hello", "true"), Edge("hello", "task"), Edge("big", "cold", "false") },
        };
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Boas-vindas", graph })).ExpectAsync(HttpStatusCode.Created);
        await owner.CreateLeadAsync(new { name = "Mariana Grande", value = 5000 });
        await owner.CreateLeadAsync(new { name = "Pedro Pequeno", value = 10 });

        var page = await browser.SignInAsync(owner.Email, $"/workflows/{created["id"]}", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "workflow-dry-run", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=wf-node]")).ToHaveCountAsync(5);
            await BrowserApp.WaitForCircuitAsync(page);
            await page.Locator("[data-testid=wf-dry-run]").ClickAsync();
            await page.Locator("[data-testid=wf-fit]").ClickAsync();
            await PickLeadAsync(page, "Mariana", "Mariana Grande");
            await page.Locator("[data-testid=wf-dry-run-go]").ClickAsync();

            var hit = page.Locator("[data-testid=wf-node].wf-dry-hit");
            await Assertions.Expect(hit).ToHaveCountAsync(4);
            Assert.Equal(["start", "big", "hello", "task"], await hit.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.nodeId)"));
            await Assertions.Expect(page.Locator("[data-testid=wf-node][data-node-id=cold]")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("wf-dry-hit"));
            await Assertions.Expect(page.Locator("[data-testid=wf-dry-summary]")).ToHaveTextAsync(["Enviaria no WhatsApp: “Olá Mariana!”", "Criaria a atividade “Ligar para Mariana Grande”"]);
            await BrowserApp.ScreenshotAsync(page, "workflow-dry-run");

            // The other lead goes the other way.
            await PickLeadAsync(page, "Pedro", "Pedro Pequeno");
            await page.Locator("[data-testid=wf-dry-run-go]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=wf-dry-summary]")).ToHaveTextAsync(["Adicionaria a etiqueta “frio”"]);
            await Assertions.Expect(hit).ToHaveCountAsync(3);

            // Any edit makes the path stale: moving a node clears the highlight and the list.
            var node = page.Locator("[data-testid=wf-node][data-node-id='big'] .wf-node-head");
            var box = (await node.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(box.X + 20, box.Y + 8);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(box.X + 80, box.Y + 60, new() { Steps = 10 });
            await page.Mouse.UpAsync();
            await Assertions.Expect(hit).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=wf-dry-cleared]")).ToBeVisibleAsync();
        });
    }

    /// <summary>
    /// Picks a lead in the dry-run box the way a user would: type, click the suggestion, and look that the box shows it.
    /// Under CI load a click can land while the debounced search re-renders the list and be lost (the box keeps the typed
    /// text, the run button stays off); a user clicks again, and so does this, up to three times.
    /// </summary>
    private static async Task PickLeadAsync(IPage page, string query, string name)
    {
        var box = page.Locator("input[data-testid=wf-dry-lead]");
        for (var attempt = 1; ; attempt++)
        {
            await box.FillAsync(query);
            var item = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = name });
            await Assertions.Expect(item).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            // Let the debounced search settle so the click does not hit a list being replaced.
            await page.WaitForTimeoutAsync(400);
            await item.ClickAsync();
            try
            {
                await Assertions.Expect(box).ToHaveValueAsync(name, new() { Timeout = 5_000 });
                await Assertions.Expect(page.Locator("[data-testid=wf-dry-run-go]")).ToBeEnabledAsync(new() { Timeout = 5_000 });
                await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }
    }
}
