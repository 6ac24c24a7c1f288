using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using SalesCrm.Web.Tests.Messaging;

namespace SalesCrm.E2E;

/// <summary>
/// axe-core (npm, e2e/axe) run in every page of the app as an owner sees it, light and dark, with data on them: the
/// sign-in pages, every menu entry, a lead with its conversation, a won lead, and the dialogs. Serious and critical
/// violations fail (text contrast below 4.5:1, unnamed buttons and fields, nested controls, ...).
/// </summary>
public sealed class AccessibilityTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string AxeFolder = Path.Combine(RepoPaths.Root, "e2e", "axe");
    private static readonly string AxeScript = Path.Combine(AxeFolder, "node_modules", "axe-core", "axe.min.js");

    /// <summary>
    /// Markup of MudBlazor's own that the app cannot name: the data grid's filter-row operator menu (MudBlazor 9.12 renders
    /// its icon button without an accessible name and takes none from the column).
    /// </summary>
    private static readonly string[] NotOurs = [".filter-header-cell .column-filter-menu"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violation(ColorScheme scheme)
    {
        await EnsureAxeAsync();
        var (owner, leadId, wonId) = await SeedAsync($"Acessível {scheme}");
        var found = new List<string>();

        var page = await browser.NewPageAsync("en", scheme);
        await BrowserApp.CaptureOnFailureAsync(page, $"accessibility-{scheme}", async () =>
        {
            foreach (var path in new[] { "/account/register", "/account/login" })
            {
                await page.GotoAsync(path);
                found.AddRange(await CheckAsync(page, path));
            }
            await page.FillAsync("#email", owner.Email);
            await page.FillAsync("#password", Api.Password);
            await page.ClickAsync("[data-testid=login-submit]");
            await BrowserApp.WaitForCircuitAsync(page);
            var menu = await page.Locator("[data-testid=nav-menu] a:not([target=_blank])").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Contains("/settings/webhooks", menu);
            foreach (var path in menu.Concat([$"/leads/{leadId}", $"/leads/{wonId}", "/account/password"]))
            {
                await page.GotoAsync(path);
                found.AddRange(await CheckAsync(page, path));
            }

            // Open menus and dialogs: the workspace switcher, the lost reason, a confirmation.
            await page.GotoAsync("/pipeline");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.ClickAsync("[data-testid=current-tenant]");
            await page.Locator("[data-testid^=switch-tenant-]").First.WaitForAsync();
            found.AddRange(await CheckAsync(page, "workspace menu", navigated: false));
            await page.Keyboard.PressAsync("Escape");
            await page.Locator($"[data-testid=card-{leadId}] [data-testid=card-menu] button").ClickAsync();
            await page.ClickAsync("[data-testid='move-to-Perdido']");
            await page.Locator("[data-testid=lost-reason-dialog]").WaitForAsync();
            found.AddRange(await CheckAsync(page, "lost reason dialog", navigated: false));
            await page.Keyboard.PressAsync("Escape");
            await page.GotoAsync("/settings/api-keys");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).WaitForAsync();
            found.AddRange(await CheckAsync(page, "confirmation", navigated: false));
        });
        Assert.True(found.Count == 0, $"axe-core ({scheme}):\n" + string.Join("\n", found));
    }

    /// <summary>
    /// Every tab of <c>/reports</c> (each has its own URL) and of <c>/leaderboard</c> (ranking, missions with a mission and its
    /// form open, quizzes, points table), light and dark: the menu pass above sees only the first tab of each.
    /// </summary>
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_tab_of_the_reports_and_the_leaderboard_has_no_serious_or_critical_accessibility_violation(ColorScheme scheme)
    {
        await EnsureAxeAsync();
        var (owner, _, _) = await SeedAsync($"Abas {scheme}");
        await (await owner.Client.PostAsJsonAsync("/api/v1/gamification/missions", new { title = "5 visits this week", rule_key = "visit.completed", target = 5, period = "week", points = 20 }))
            .ExpectAsync(HttpStatusCode.Created);
        var found = new List<string>();

        var page = await browser.NewPageAsync("en", scheme);
        await BrowserApp.CaptureOnFailureAsync(page, $"accessibility-tabs-{scheme}", async () =>
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#email", owner.Email);
            await page.FillAsync("#password", Api.Password);
            await page.ClickAsync("[data-testid=login-submit]");
            await BrowserApp.WaitForCircuitAsync(page);
            foreach (var tab in new[] { "pipeline", "leads", "communication", "team", "marketing", "forecast" })
            {
                await page.GotoAsync($"/reports/{tab}");
                await BrowserApp.WaitForCircuitAsync(page);
                await page.Locator("[data-testid=report-loading]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
                found.AddRange(await CheckAsync(page, $"/reports/{tab}"));
            }

            await page.GotoAsync("/leaderboard");
            found.AddRange(await CheckAsync(page, "/leaderboard ranking"));
            foreach (var tab in new[] { "Missions", "Quizzes", "Points table" })
            {
                await page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
                found.AddRange(await CheckAsync(page, $"/leaderboard {tab}", navigated: false));
                if (tab != "Missions") continue;
                await page.Locator("[data-testid=mission-row]").First.WaitForAsync();
                await page.ClickAsync("[data-testid=mission-new]");
                await page.Locator("[data-testid=mission-form]").WaitForAsync();
                found.AddRange(await CheckAsync(page, "/leaderboard mission form", navigated: false));
                await page.ClickAsync("[data-testid=mission-cancel]");
            }
        });
        Assert.True(found.Count == 0, $"axe-core ({scheme}):\n" + string.Join("\n", found));
    }

    /// <summary>
    /// <c>/workflows</c> and the designer of a small bot (trigger, question, tags), light and dark: the canvas with its nodes,
    /// ports, links and minimap, the toolbar, a selected node's settings, the funnel, versions and dry-run panels and a
    /// snackbar. Held to a higher bar than the menu pass: moderate violations (one main landmark, one h1, heading order) fail too.
    /// </summary>
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_workflows_list_and_the_designer_have_no_serious_or_critical_accessibility_violation(ColorScheme scheme)
    {
        await EnsureAxeAsync();
        var owner = await browser.App.RegisterAsync($"Designer {scheme}");
        object Node(string id, string type, object settings, int x, int y = 40) => new { id, type, settings, position = new { x, y } };
        var graph = new
        {
            nodes = new[]
            {
                Node("start", "trigger", new { kind = "manual" }, 40),
                Node("email", "ask_whatsapp", new { question = "Qual o seu e-mail?", answer_type = "email", store_to = "lead.custom.email_contato", timeout = "PT1H" }, 320),
                Node("ok", "add_tag", new { tag = "qualificado" }, 600),
                Node("late", "add_tag", new { tag = "sem_resposta" }, 600, 220),
            },
            edges = new[]
            {
                new { source = "start", source_port = "next", target = "email" }, new { source = "email", source_port = "answered", target = "ok" },
                new { source = "email", source_port = "invalid", target = "email" }, new { source = "email", source_port = "timeout", target = "late" },
            },
        };
        var bot = await (await owner.Client.PostAsJsonAsync("/api/v1/workflows", new { name = "Bot de e-mail", graph })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsync($"/api/v1/workflows/{bot["id"]}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        var found = new List<string>();

        var page = await browser.SignInAsync(owner.Email, "/workflows", "en", scheme);
        await BrowserApp.CaptureOnFailureAsync(page, $"accessibility-designer-{scheme}", async () =>
        {
            await page.Locator("[data-testid=wf-row-link]").First.WaitForAsync();
            found.AddRange(await CheckAsync(page, "/workflows", moderateToo: true));

            await page.GotoAsync($"/workflows/{bot["id"]}");
            await page.Locator("[data-testid=wf-node]").Nth(3).WaitForAsync();
            found.AddRange(await CheckAsync(page, "/workflows/{id}", moderateToo: true));

            await page.Locator("[data-testid=wf-node][data-node-id=email] .wf-node-head").ClickAsync();
            await page.Locator("[data-testid=wf-selected-title]").WaitForAsync();
            found.AddRange(await CheckAsync(page, "/workflows/{id} with a node selected", navigated: false, moderateToo: true));

            await page.ClickAsync("[data-testid=wf-show-funnel]");
            await page.Locator("[data-testid=bot-funnel]").WaitForAsync();
            found.AddRange(await CheckAsync(page, "/workflows/{id} funnel", navigated: false, moderateToo: true));

            // The trigger's form, the versions and the dry-run panels, a copy's snackbar.
            await page.Locator("[data-testid=wf-node][data-node-id=start] .wf-node-head").ClickAsync();
            await page.ClickAsync("[data-testid=wf-show-versions]");
            await page.ClickAsync("[data-testid=wf-dry-run]");
            await page.Locator("[data-testid=wf-node][data-node-id=ok] .wf-node-head").ClickAsync();
            await page.Keyboard.PressAsync("Control+c");
            await page.Locator(".mud-snackbar").First.WaitForAsync();
            found.AddRange(await CheckAsync(page, "/workflows/{id} panels and snackbar", navigated: false, moderateToo: true));
        });
        Assert.True(found.Count == 0, $"axe-core ({scheme}):\n" + string.Join("\n", found));
    }

    /// <summary>A workspace with what the pages show: cards of every kind, a conversation with a failed message, a won deal, settings rows.</summary>
    private async Task<(Session Owner, string LeadId, string WonId)> SeedAsync(string workspace)
    {
        var owner = await browser.App.RegisterAsync(workspace);
        var stages = await owner.StagesAsync();
        var phoneNumberId = await WhatsAppWebhook.ConnectAsync(owner);
        var phone = $"55119{Random.Shared.Next(60000000, 99999999)}";
        var lead = await owner.CreateLeadAsync(new
        {
            name = "Beatriz Acessível", company = "Loja Contraste", phone = "+" + phone, value = 12500, priority = "urgent", tags = new[] { "vip" }, stage_id = stages["Novo"],
        });
        var leadId = (string)lead["id"]!;
        await owner.CreateLeadAsync(new { name = "Caio Prioridade", company = "Padaria Alta", value = 900, priority = "high", stage_id = stages["Proposta"] });
        var won = await owner.CreateLeadAsync(new { name = "Gabriel Ganho", value = 30000, stage_id = stages["Negociação"] });
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{won["id"]}/stage", new { stage_id = stages["Ganho"] })).ExpectAsync(HttpStatusCode.OK);
        var lost = await owner.CreateLeadAsync(new { name = "Paula Perdida", stage_id = stages["Contato"] });
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{lost["id"]}/stage", new { stage_id = stages["Perdido"], lost_reason = "Preço" })).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = leadId, type = "call", title = "Ligar de volta", due_at = DateTime.UtcNow.AddDays(-1) })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/activities", new { lead_id = leadId, type = "meeting", title = "Apresentar proposta", due_at = DateTime.UtcNow.AddDays(2) })).ExpectAsync(HttpStatusCode.Created);

        await WhatsAppWebhook.PostAsync(browser.App, WhatsAppWebhook.Payload(phoneNumberId, new JsonArray(WhatsAppWebhook.Text($"wamid.A11Y{phone}", phone, "Oi, ainda tem horário?")), contacts: WhatsAppWebhook.Contact(phone, "Beatriz")));
        await Eventually.GetAsync(owner, $"/api/v1/leads/{leadId}/messages", b => (int)b["total"]! == 1);
        await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{leadId}/messages", new { text = "Tem sim! Amanhã às 10h?" })).ExpectAsync(HttpStatusCode.Created);
        browser.App.Graph.FailSends = true;
        try
        {
            await (await owner.Client.PostAsJsonAsync($"/api/v1/leads/{leadId}/messages", new { text = "Confirmado?" })).ExpectAsync(HttpStatusCode.Created);
        }
        finally
        {
            browser.App.Graph.FailSends = false;
        }

        await (await owner.Client.PostAsJsonAsync("/api/v1/templates", new { name = "retomada", category = "utility", language = "pt_BR", body = "Olá {{first_name}}!", status = "approved" })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Zapier", scopes = new[] { "leads.read" } })).ExpectAsync(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/a11y", events = new[] { "lead.created" }, is_active = false })).ExpectAsync(HttpStatusCode.Created);
        await owner.AddMemberAsync("sales_rep");
        return (owner, leadId, (string)won["id"]!);
    }

    /// <summary>
    /// Runs axe-core in the page once it has settled; one line per serious or critical violation (with
    /// <paramref name="moderateToo"/>, moderate ones too: landmarks, heading order), naming the page and the elements.
    /// </summary>
    private static async Task<IEnumerable<string>> CheckAsync(IPage page, string name, bool navigated = true, bool moderateToo = false)
    {
        if (navigated && !page.Url.Contains("/account/", StringComparison.Ordinal)) await BrowserApp.WaitForCircuitAsync(page);
        // Lists and grids load after the first render: wait for their loading bars to go.
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-indeterminate, .mud-table-loading')");
        await page.EvaluateAsync("() => document.fonts.ready");
        // Menus and dialogs fade in: measure colours once they are opaque.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-popover-open, .mud-dialog')].every(e => getComputedStyle(e).opacity === '1')");
        // The live page switches the prerendered light theme to the reader's; colours then transition for a moment
        // (labels, tabs): measure them once every transition has ended, not halfway between the two themes.
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => null)))");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'")) await page.AddScriptTagAsync(new() { Path = AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async ([exclude, moderateToo]) => {
                const result = await axe.run({ include: [document], exclude: exclude.map(s => [s]) }, { resultTypes: ['violations'] });
                return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical' || (moderateToo && v.impact === 'moderate'))
                    .map(v => `${v.impact} ${v.id} (${v.help}): ` + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\n').slice(1).join(' ').trim()).join(' || '));
            }
            """, new object[] { NotOurs, moderateToo });
        return violations.EnumerateArray().Select(v => $"  {name}: {v.GetString()}").ToList();
    }

    private static async Task EnsureAxeAsync()
    {
        if (File.Exists(AxeScript)) return;
        using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = AxeFolder })!;
        await npm.WaitForExitAsync();
        Assert.True(File.Exists(AxeScript), $"npm ci in {AxeFolder} did not install axe-core.");
    }
}
