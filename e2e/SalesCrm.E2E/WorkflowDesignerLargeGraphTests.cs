using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using Xunit.Abstractions;

namespace SalesCrm.E2E;

/// <summary>The designer with a 60-node graph: it opens whole and fitted, and a node follows the mouse. Figures are printed, never asserted.</summary>
public sealed class WorkflowDesignerLargeGraphTests(BrowserApp browser, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    /// <summary>Every node's box lies inside the canvas's box (the fit on open runs once the browser has measured them).</summary>
    public static async Task AssertEveryNodeInsideTheCanvasAsync(IPage page)
    {
        const string Outside = """
            () => {
                const c = document.querySelector('[data-testid=wf-canvas] .diagram-canvas').getBoundingClientRect();
                const nodes = [...document.querySelectorAll('[data-testid=wf-node]')];
                return nodes.filter(n => { const r = n.getBoundingClientRect(); return r.left < c.left - 1 || r.top < c.top - 1 || r.right > c.right + 1 || r.bottom > c.bottom + 1; })
                    .map(n => n.dataset.nodeId);
            }
            """;
        try
        {
            await page.WaitForFunctionAsync($"() => ({Outside})().length === 0", null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException) { }
        Assert.Empty(await page.EvaluateAsync<string[]>(Outside));
    }

    /// <summary>
    /// Both ends of every link lie at a node (within 24 px of its box, on screen): ports measured while the opening fit
    /// changed the zoom once left links pointing far off the canvas.
    /// </summary>
    public static async Task AssertEveryLinkEndsAtANodeAsync(IPage page)
    {
        const string Astray = """
            () => {
                const boxes = [...document.querySelectorAll('[data-testid=wf-node]')].map(n => n.getBoundingClientRect());
                const near = p => boxes.some(r => p.x >= r.left - 24 && p.x <= r.right + 24 && p.y >= r.top - 24 && p.y <= r.bottom + 24);
                const paths = [...document.querySelectorAll('[data-testid=wf-canvas] .diagram-link path')].filter(p => p.getTotalLength() > 0);
                return paths.flatMap(path => {
                    const m = path.getScreenCTM();
                    return [0, path.getTotalLength()].map(at => path.getPointAtLength(at).matrixTransform(m))
                        .filter(p => !near(p)).map(p => `${Math.round(p.x)},${Math.round(p.y)}`);
                });
            }
            """;
        try
        {
            await page.WaitForFunctionAsync($"() => ({Astray})().length === 0", null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException) { }
        Assert.Empty(await page.EvaluateAsync<string[]>(Astray));
    }

    [Fact]
    public async Task A_sixty_node_graph_and_the_qualification_template_open_fitted_with_every_node_and_link_and_a_dragged_node_moves()
    {
        var owner = await browser.App.RegisterAsync("Grafo Grande");
        var nodes = new List<object> { new { id = "start", type = "trigger", settings = new { kind = "manual" }, position = new { x = 0, y = 0 } } };
        var edges = new List<object>();
        for (var i = 1; i < 60; i++)
        {
            nodes.Add(new { id = $"tag{i}", type = "add_tag", settings = new { tag = $"t{i}" }, position = new { x = i % 10 * 260, y = i / 10 * 150 } });
            edges.Add(new { source = i == 1 ? "start" : $"tag{i - 1}", source_port = "next", target = $"tag{i}" });
        }
        var created = await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Sessenta passos", graph = new { nodes, edges } })).ExpectAsync(HttpStatusCode.Created);
        var page = await browser.SignInAsync(owner.Email, "/workflows", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(page, "workflow-designer-60", async () =>
        {
            var open = Stopwatch.StartNew();
            await page.GotoAsync($"/workflows/{created["id"]}");
            await Assertions.Expect(page.Locator("[data-testid=wf-node]")).ToHaveCountAsync(60);
            await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(59);
            open.Stop();
            await BrowserApp.WaitForCircuitAsync(page);
            // Larger than the canvas at life size: fitted on open, no click on Fit.
            await AssertEveryNodeInsideTheCanvasAsync(page);

            var node = page.Locator("[data-testid=wf-node][data-node-id='tag1'] .wf-node-head");
            var before = (await node.BoundingBoxAsync())!;
            var drag = Stopwatch.StartNew();
            await page.Mouse.MoveAsync(before.X + 20, before.Y + 8);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(before.X + 80, before.Y + 68, new() { Steps = 20 });
            await page.Mouse.UpAsync();
            await Assertions.Expect(page.Locator("[data-testid=wf-save-state]")).ToHaveTextAsync("Não salvo");
            var after = (await node.BoundingBoxAsync())!;
            drag.Stop();
            Assert.True(after.X > before.X + 20, $"the node stayed at {before.X} (now {after.X})");

            output.WriteLine($"60-node graph: opened with every node and link in {open.ElapsedMilliseconds} ms; a 20-step drag rendered and registered as an edit in {drag.ElapsedMilliseconds} ms");
            await BrowserApp.ScreenshotAsync(page, "workflow-designer-60");
        });

        // The qualification template (11 steps, wider than the canvas at life size) opens fitted too.
        var template = await (await owner.Client.PostAsJsonAsync("/api/v1/workflows/from-template", new { template_id = "whatsapp-qualification" })).ExpectAsync(HttpStatusCode.Created);
        var qualification = await browser.SignInAsync(owner.Email, $"/workflows/{template["id"]}", "pt-BR");
        await BrowserApp.CaptureOnFailureAsync(qualification, "workflow-designer-template-fit", async () =>
        {
            await Assertions.Expect(qualification.Locator("[data-testid=wf-node]")).ToHaveCountAsync(11);
            await AssertEveryNodeInsideTheCanvasAsync(qualification);
            await AssertEveryLinkEndsAtANodeAsync(qualification);
        });

        // The same designer in the dark theme: the nodes and panels take the theme's colours.
        var dark = await browser.SignInAsync(owner.Email, $"/workflows/{created["id"]}", "pt-BR", ColorScheme.Dark);
        await BrowserApp.CaptureOnFailureAsync(dark, "workflow-designer-dark", async () =>
        {
            await Assertions.Expect(dark.Locator("[data-testid=wf-node]")).ToHaveCountAsync(60);
            var background = await dark.Locator("[data-testid=wf-node][data-node-id='tag1']").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
            Assert.NotEqual("rgb(255, 255, 255)", background);
            await BrowserApp.ScreenshotAsync(dark, "workflow-designer-dark");
        });
    }
}
