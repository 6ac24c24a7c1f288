using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesCrm.Web.Features.Demo;
using SalesCrm.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesCrm.E2E;

/// <summary>
/// <c>/reports</c> on the demo workspace as its manager: every tab renders (screenshots in light and dark), a bar drills down to
/// its leads and on to a lead, a chart exports a real XLSX, the print view leaves the menu out. Prints how long the page took.
/// </summary>
public sealed class ReportsJourneyTests(DemoBrowserApp browser, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    private async Task<string> DemoPasswordAsync(string email)
    {
        var text = new StringWriter();
        Assert.Equal(0, await DemoPasswords.ResetAsync(browser.App.Services, text));
        return text.ToString().Split('\n').Single(l => l.Contains(email, StringComparison.Ordinal)).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Last();
    }

    [Fact]
    public async Task A_manager_reads_every_dashboard_drills_from_a_bar_to_a_lead_exports_xlsx_and_prints()
    {
        const string manager = "gestor@demo.salescrm.local";
        var password = await DemoPasswordAsync(manager);
        var page = await browser.SignInAsync(manager, "/", "pt-BR", password: password);
        await BrowserApp.CaptureOnFailureAsync(page, "reports-journey", async () =>
        {
            // Time to a rendered dashboard: from navigation to the first chart's table drawn (circuit live, report loaded).
            var timings = new List<long>();
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                await page.GotoAsync("/reports/pipeline");
                await page.Locator("[data-testid=chart-pipeline-value-table]").WaitForAsync();
                timings.Add(clock.ElapsedMilliseconds);
            }
            output.WriteLine($"/reports/pipeline rendered in {string.Join(", ", timings)} ms (demo data, first run cold)");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=nav-reports]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=reports-owner]")).ToBeVisibleAsync(); // a manager may pick an owner

            // Every tab renders its figures, in light and in dark mode.
            foreach (var (tab, marker) in new[] { ("pipeline", "chart-pipeline-value"), ("leads", "chart-leads-groups"), ("communication", "chart-comm-hours"),
                         ("team", "team-table"), ("marketing", "chart-marketing-groups"), ("forecast", "chart-forecast-months") })
            {
                await page.GotoAsync($"/reports/{tab}");
                await BrowserApp.WaitForCircuitAsync(page);
                await Assertions.Expect(page.Locator($"[data-testid={marker}]")).ToBeVisibleAsync();
                await BrowserApp.ScreenshotAsync(page, $"reports-{tab}");
            }
            await page.ClickAsync("[data-testid=dark-mode-toggle]");
            foreach (var tab in ReportsPageTabs)
            {
                await page.GotoAsync($"/reports/{tab}");
                await BrowserApp.WaitForCircuitAsync(page);
                await page.Locator("[data-testid=reports-tabs]").WaitForAsync();
                await page.WaitForTimeoutAsync(300);
                await BrowserApp.ScreenshotAsync(page, $"reports-{tab}-dark");
            }
            await page.ClickAsync("[data-testid=dark-mode-toggle]");

            // Drill down by clicking a stage's bar in the chart itself (not the table's link) to its leads, then open one.
            await page.GotoAsync("/reports/pipeline");
            await BrowserApp.WaitForCircuitAsync(page);
            var bar = page.Locator("svg [data-testid=chart-pipeline-count-bar][role=button]").First;
            var stage = await bar.GetAttributeAsync("data-label");
            // The bar's tooltip ends with its figure ("Proposta: 12"; pt-BR groups thousands with a dot).
            var count = int.Parse((await bar.GetAttributeAsync("aria-label"))!.Split(": ")[^1].Replace(".", ""));
            await bar.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=drill-title]")).ToContainTextAsync(stage!);
            await Assertions.Expect(page.Locator("[data-testid=drill-lead]")).ToHaveCountAsync(Math.Min(count, 50));
            await BrowserApp.ScreenshotAsync(page, "reports-drill");
            var lead = page.Locator("[data-testid=drill-lead-link]").First;
            var name = await lead.InnerTextAsync();
            await lead.ClickAsync();
            await page.WaitForURLAsync("**/leads/*");
            await Assertions.Expect(page.GetByText(name).First).ToBeVisibleAsync();

            // The keyboard reaches a bar too: Enter on a focused bar opens its leads.
            await page.GotoAsync("/reports/pipeline");
            await BrowserApp.WaitForCircuitAsync(page);
            var valueBar = page.Locator("svg [data-testid=chart-pipeline-value-bar][role=button]").First;
            var valueStage = await valueBar.GetAttributeAsync("data-label");
            await valueBar.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("[data-testid=drill-title]")).ToContainTextAsync(valueStage!);

            // A bucket of the speed-to-lead distribution opens the leads first answered within it (Enter, like any bar).
            await page.GotoAsync("/reports/leads");
            await BrowserApp.WaitForCircuitAsync(page);
            var bucket = page.Locator("svg [data-testid=chart-leads-speed-bar][role=button]").Last;
            var bucketCount = int.Parse((await bucket.GetAttributeAsync("aria-label"))!.Split(": ")[^1].Replace(".", ""));
            await bucket.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("[data-testid=drill-title]")).ToContainTextAsync((await bucket.GetAttributeAsync("data-label"))!);
            await Assertions.Expect(page.Locator("[data-testid=drill-lead]")).ToHaveCountAsync(Math.Min(bucketCount, 50));

            // A busiest-hours cell opens the leads who wrote in that hour (Enter on the focused cell), as many as its label says; the
            // WhatsApp received card opens the leads its messages came from, as many as the card says.
            await page.GotoAsync("/reports/communication");
            await BrowserApp.WaitForCircuitAsync(page);
            var cell = page.Locator("[data-testid=comm-heatmap-cell]").First;
            var cellLabel = (await cell.GetAttributeAsync("aria-label"))!; // "seg. 11h: 3 mensagens de 2 leads. Ver leads"
            var writers = int.Parse(Regex.Match(cellLabel, @" de (\d+) leads?\.").Groups[1].Value);
            await cell.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("[data-testid=drill-title]")).ToContainTextAsync(cellLabel.Split(':')[0]);
            await Assertions.Expect(page.Locator("[data-testid=drill-total]")).ToHaveTextAsync(new Regex($"^{writers} leads?$"));
            await Assertions.Expect(page.Locator("[data-testid=drill-lead]")).ToHaveCountAsync(Math.Min(writers, 50));
            await BrowserApp.ScreenshotAsync(page, "reports-heatmap-drill");
            var inboundLeads = int.Parse(Regex.Match(await page.Locator("[data-testid=comm-in-leads]").InnerTextAsync(), @"(\d+)").Value);
            await page.ClickAsync("[data-testid=comm-in]");
            await Assertions.Expect(page.Locator("[data-testid=drill-total]")).ToHaveTextAsync(new Regex($"^{inboundLeads} leads?$"));

            // Campaign spend from a CSV: the upload button opens the file picker and the rows appear.
            await page.GotoAsync("/reports/marketing");
            await BrowserApp.WaitForCircuitAsync(page);
            var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var chooser = await page.RunAndWaitForFileChooserAsync(() => page.ClickAsync("[data-testid=spend-upload-button]"));
            await chooser.SetFilesAsync(new FilePayload { Name = "gastos.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes($"campanha;mês;valor\ne2e-csv-campanha;{month};123,45\n") });
            await Assertions.Expect(page.Locator("[data-testid=spend-row]").Filter(new LocatorFilterOptions { HasText = "e2e-csv-campanha" })).ToHaveCountAsync(1);

            // Export a chart as XLSX: a real workbook with the chart's rows.
            await page.GotoAsync("/reports/pipeline");
            await BrowserApp.WaitForCircuitAsync(page);
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=chart-pipeline-count-xlsx]"));
            Assert.Equal("pipeline-count.xlsx", download.SuggestedFilename);
            var path = await download.PathAsync();
            using (var zip = ZipFile.OpenRead(path))
                Assert.Contains(zip.Entries, e => e.FullName == "xl/workbook.xml");
            using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false))
            {
                var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
                Assert.Equal(await page.Locator("[data-testid=chart-pipeline-count-row]").CountAsync() + 1, rows.Count);
                Assert.Contains(rows.Skip(1), r => r.InnerText.Contains(stage!, StringComparison.Ordinal));
            }

            // The printable view: the print button opens the browser's print dialog; printed, the menu and filters are left out.
            await page.EvaluateAsync("() => { window.__printed = 0; window.print = () => window.__printed++; }");
            await page.ClickAsync("[data-testid=reports-print]");
            await page.WaitForFunctionAsync("() => window.__printed === 1");
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            await Assertions.Expect(page.Locator("[data-testid=nav-menu]")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("[data-testid=reports-filters]")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("[data-testid=chart-pipeline-value]")).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(page, "reports-print");
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        });
    }

    private static readonly string[] ReportsPageTabs = ["pipeline", "leads", "communication", "team", "marketing", "forecast"];
}

/// <summary>A rep whose role sees only their own leads gets only their own numbers on <c>/reports</c>; their manager sees everyone's.</summary>
public sealed class ReportsVisibilityJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_rep_with_own_visibility_sees_only_their_numbers_and_the_manager_sees_the_team()
    {
        var owner = await browser.App.RegisterAsync("Equipe Relatórios");
        // Sales reps see only their own leads; here they may also read reports.
        var role = await owner.RoleIdAsync("sales_rep");
        await (await owner.Client.PutAsJsonAsync($"/api/v1/roles/{role}/capabilities", new { capabilities = new[] { "leads.read", "leads.write", "reports.view" } }))
            .ExpectAsync(HttpStatusCode.OK);
        var rep = await owner.AddMemberAsync("sales_rep");
        await (await rep.Client.PostAsJsonAsync("/api/v1/leads", new { name = "Lead do Rafael", value = 1000 })).ExpectAsync(HttpStatusCode.Created);
        foreach (var name in new[] { "Lead da Olivia", "Outro da Olivia" })
            await (await owner.Client.PostAsJsonAsync("/api/v1/leads", new { name, value = 5000 })).ExpectAsync(HttpStatusCode.Created);

        var page = await browser.SignInAsync(rep.Email, "/reports/leads");
        await BrowserApp.CaptureOnFailureAsync(page, "reports-rep", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=leads-total]")).ToHaveTextAsync("1");
            await Assertions.Expect(page.Locator("[data-testid=reports-own-only]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=reports-owner]")).ToHaveCountAsync(0);
            await page.Locator("[data-testid=chart-leads-groups-bar]").First.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=drill-lead]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("[data-testid=drill-panel]")).ToContainTextAsync("Lead do Rafael");
            await page.GotoAsync("/reports/team");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=team-row]")).ToHaveCountAsync(1);
            await page.GotoAsync("/reports/pipeline");
            await BrowserApp.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=pipeline-open-value]")).ToContainTextAsync("1.000");
        });

        var manager = await browser.SignInAsync(owner.Email, "/reports/leads");
        await BrowserApp.CaptureOnFailureAsync(manager, "reports-manager", async () =>
        {
            await Assertions.Expect(manager.Locator("[data-testid=leads-total]")).ToHaveTextAsync("3");
            await Assertions.Expect(manager.Locator("[data-testid=reports-owner]")).ToBeVisibleAsync();
            await manager.GotoAsync("/reports/team");
            await BrowserApp.WaitForCircuitAsync(manager);
            await Assertions.Expect(manager.Locator("[data-testid=team-row]")).ToHaveCountAsync(2);
        });
    }
}
