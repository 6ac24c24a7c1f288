using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.E2E;

public sealed class WorkflowDesignerJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static ILocator Node(IPage page, string id) => page.Locator($"[data-testid=wf-node][data-node-id='{id}']");

    /// <summary>Drags from an output port of one node to the input port of another with the mouse, as a user links them.</summary>
    private static async Task LinkAsync(IPage page, string from, string port, string to)
    {
        var source = await Node(page, from).Locator(".wf-out", new() { HasText = port }).Locator(".wf-port-out").BoundingBoxAsync();
        var target = await Node(page, to).Locator(".wf-port-in").BoundingBoxAsync();
        await page.Mouse.MoveAsync(source!.X + source.Width / 2, source.Y + source.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((source.X + target!.X) / 2, (source.Y + target.Y) / 2, new() { Steps = 5 });
        await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + target.Height / 2, new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    private static async Task ChooseAsync(IPage page, string setting, string option)
    {
        await page.Locator($"[data-testid=setting-{setting}] input").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static async Task TypeAsync(IPage page, string setting, string text)
    {
        var input = page.Locator($"[data-testid=setting-{setting}] input, [data-testid=setting-{setting}] textarea").First;
        await input.ClickAsync();
        await input.FillAsync(text);
        await input.PressAsync("Tab");
    }

    [Fact]
    public async Task A_manager_draws_trigger_condition_and_tag_from_the_palette_links_them_fixes_the_problems_saves_reloads_and_publishes()
    {
        var owner = await browser.App.RegisterAsync("Automações Ltda");
        var page = await browser.SignInAsync(owner.Email, "/workflows", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "workflow-designer", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=wf-empty]")).ToContainTextAsync("Nenhuma automação ainda");
            await page.Locator("[data-testid=wf-new-name]").FillAsync("Leads grandes do Meta");
            await page.Locator("[data-testid=wf-create]").ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/workflows/[0-9a-f-]{36}$"));
            await BrowserApp.WaitForCircuitAsync(page);
            var canvas = page.Locator("[data-testid=wf-canvas]");
            await Assertions.Expect(page.Locator("[data-testid=wf-canvas-empty]")).ToBeVisibleAsync();

            // Three steps dragged from the palette onto the canvas.
            await page.Locator("[data-testid=palette-trigger]").DragToAsync(canvas, new() { TargetPosition = new() { X = 20, Y = 30 } });
            await page.Locator("[data-testid=palette-condition]").DragToAsync(canvas, new() { TargetPosition = new() { X = 230, Y = 150 } });
            await page.Locator("[data-testid=palette-add_tag]").DragToAsync(canvas, new() { TargetPosition = new() { X = 380, Y = 300 } });
            await Assertions.Expect(page.Locator("[data-testid=wf-node]")).ToHaveCountAsync(3);
            await Assertions.Expect(Node(page, "condition_1")).ToContainTextAsync("Condição");
            await Assertions.Expect(Node(page, "condition_1")).ToContainTextAsync("sim");
            await Assertions.Expect(Node(page, "condition_1")).ToContainTextAsync("não");

            // Linked port to port with the mouse; the "sim" output of the condition leads to the tag.
            await LinkAsync(page, "trigger_1", "próximo", "condition_1");
            await LinkAsync(page, "condition_1", "sim", "add_tag_1");
            await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(2);

            // The tag has no tag yet: its badge says so; filling the setting in the side panel clears it.
            var tagBadge = Node(page, "add_tag_1").Locator("[data-testid=wf-node-badge]");
            await Assertions.Expect(tagBadge).ToBeVisibleAsync();
            await Node(page, "add_tag_1").Locator(".wf-node-head").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=wf-selected-title]")).ToHaveTextAsync("Adicionar etiqueta");
            await TypeAsync(page, "tag", "vip");
            await Assertions.Expect(tagBadge).ToHaveCountAsync(0);
            await Assertions.Expect(Node(page, "add_tag_1").Locator("[data-testid=wf-node-key]")).ToHaveTextAsync("vip");

            await Node(page, "trigger_1").Locator(".wf-node-head").ClickAsync();
            await ChooseAsync(page, "kind", "Evento");
            await TypeAsync(page, "event_type", "lead.created");
            await Node(page, "condition_1").Locator(".wf-node-head").ClickAsync();
            await TypeAsync(page, "field", "lead.value");
            await ChooseAsync(page, "operator", "maior ou igual a");
            await TypeAsync(page, "value", "1000");
            await Assertions.Expect(page.Locator("[data-testid=wf-node-badge]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=wf-no-problems]")).ToBeVisibleAsync();

            // Undo takes the last setting back (its problem returns), redo restores it; Ctrl+S saves.
            await page.Locator("[data-testid=wf-canvas] .diagram-canvas").ClickAsync(new() { Position = new() { X = 300, Y = 520 } });
            await page.Keyboard.PressAsync("Control+z");
            await Assertions.Expect(Node(page, "condition_1").Locator("[data-testid=wf-node-badge]")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Control+y");
            await Assertions.Expect(page.Locator("[data-testid=wf-node-badge]")).ToHaveCountAsync(0);
            await page.Keyboard.PressAsync("Control+s");
            await Assertions.Expect(page.Locator("[data-testid=wf-save-state]")).ToHaveTextAsync("Salvo");

            // Reloaded, the same graph comes back: three nodes where they were, two labelled links, the settings.
            await page.ReloadAsync();
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=wf-node]")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(2);
            await Assertions.Expect(Node(page, "condition_1").Locator("[data-testid=wf-node-key]")).ToContainTextAsync("lead.value");
            await Assertions.Expect(page.Locator(".default-link-label", new() { HasText = "sim" })).ToHaveCountAsync(1);

            await page.Locator("[data-testid=wf-publish]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=wf-version]")).ToHaveTextAsync("Versão 1");
            await Assertions.Expect(page.Locator("[data-testid=wf-active]")).ToHaveTextAsync("Ativo");
            await BrowserApp.ScreenshotAsync(page, "workflow-designer");
        });
    }

    [Fact]
    public async Task Ctrl_C_and_Ctrl_V_on_a_selected_step_put_a_second_step_of_its_type_on_the_canvas_and_a_small_graph_opens_at_life_size()
    {
        var owner = await browser.App.RegisterAsync("Copia e Cola");
        var graph = new
        {
            nodes = new object[]
            {
                new { id = "start", type = "trigger", settings = new { kind = "manual" }, position = new { x = 40, y = 40 } },
                new { id = "tag", type = "add_tag", settings = new { tag = "vip" }, position = new { x = 320, y = 40 } },
            },
            edges = new[] { new { source = "start", source_port = "next", target = "tag" } },
        };
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Copiar", graph })).ExpectAsync(HttpStatusCode.Created);
        var page = await browser.SignInAsync(owner.Email, $"/workflows/{created["id"]}", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "workflow-designer-copy-paste", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=wf-node]")).ToHaveCountAsync(2);
            await BrowserApp.WaitForCircuitAsync(page);
            // Nothing fitted this small graph: it stays at life size.
            Assert.Contains("translate(0px, 0px) scale(1);", await page.Locator("[data-testid=wf-canvas] .diagram-html-layer").GetAttributeAsync("style"));

            await Node(page, "tag").Locator(".wf-node-head").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=wf-selected-title]")).ToHaveTextAsync("Adicionar etiqueta");
            await page.Keyboard.PressAsync("Control+c");
            await page.Keyboard.PressAsync("Control+v");

            await Assertions.Expect(page.Locator("[data-testid=wf-node][data-node-type=add_tag]")).ToHaveCountAsync(2);
            await Assertions.Expect(Node(page, "add_tag_1").Locator("[data-testid=wf-node-key]")).ToHaveTextAsync("vip");
            await Assertions.Expect(page.Locator("[data-testid=wf-save-state]")).ToHaveTextAsync("Não salvo");
            var (original, copy) = ((await Node(page, "tag").BoundingBoxAsync())!, (await Node(page, "add_tag_1").BoundingBoxAsync())!);
            Assert.Equal(original.X + 40, copy.X, 1);
            Assert.Equal(original.Y + 40, copy.Y, 1);
        });
    }
}
