using Microsoft.Playwright;

namespace SalesCrm.Bench;

/// <summary>
/// Time from navigation to a live <c>/reports/pipeline</c> with its charts shown (the lead-count chart drawn, or its empty state,
/// and the circuit connected) in Debian's Chromium, for a workspace of <c>report-leads</c> leads with their history and messages
/// and for an empty workspace (the baseline), taking turns in each run.
/// </summary>
public static class ReportsBench
{
    /// <summary>The pipeline tab's lead-count chart, drawn (a table under it) or saying what to do (empty).</summary>
    private const string ChartShown = "[data-testid=chart-pipeline-count-table], [data-testid=chart-pipeline-count-empty]";

    public static async Task RunAsync(BenchHost host, int leads, int renders, int runs, List<string> rows, List<string> notes)
    {
        var full = await host.RegisterAsync("Bench reports");
        var empty = await host.RegisterAsync("Bench reports empty");
        var reps = new List<BenchHost.Account>();
        for (var i = 0; i < 3; i++) reps.Add(await host.AddMemberAsync(full, "manager", $"Bench Reports Manager {i}"));
        // Like the analytics bench: 2,000 leads through the app's generator, the rest SQL copies of them (WorkspaceCopies).
        var copies = leads > 2 * AnalyticsBench.TemplateLeads ? leads / AnalyticsBench.TemplateLeads - 1 : 0;
        await host.SeedAsync(full, leads - copies * AnalyticsBench.TemplateLeads, openOnly: false, interactionsPerLead: 3, owners: [full, .. reps], more: AnalyticsBench.Events);
        await WorkspaceCopies.MultiplyAsync(host, full.TenantId, AnalyticsBench.TemplateLeads, copies);
        await host.AnalyzeAsync();
        // The query the pipeline tab runs (its default period, the last 30 days, by week), timed alone through the API.
        var api = new List<IReadOnlyList<double>>();
        using (var http = host.Http(full.Token))
            for (var run = 0; run < runs; run++)
            {
                var samples = new List<double>();
                for (var i = 0; i < renders + 1; i++)
                {
                    var sw = System.Diagnostics.Stopwatch.StartNew();
                    (await http.GetAsync("/api/v1/analytics/pipeline?group_by=week")).EnsureSuccessStatusCode();
                    if (i > 0) samples.Add(sw.Elapsed.TotalMilliseconds);
                }
                api.Add(samples);
            }
        rows.Add(Stats.Row($"  analytics/pipeline as the tab asks it (last 30 days, weeks), {leads:N0} leads", api));
        Console.WriteLine(rows[^1]);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BoardBench.LaunchAsync(playwright);
        var fullContext = await BoardBench.SignInAsync(browser, host, full);
        var emptyContext = await BoardBench.SignInAsync(browser, host, empty);
        var fullRuns = new List<IReadOnlyList<double>>();
        var emptyRuns = new List<IReadOnlyList<double>>();
        var (fullShown, emptyShown) = (new List<IReadOnlyList<double>>(), new List<IReadOnlyList<double>>());
        var fullCpu = new List<BoardBench.Cpu>();
        var emptyCpu = new List<BoardBench.Cpu>();
        for (var run = 0; run < runs; run++)
        {
            var (full1, empty1) = (new List<double>(), new List<double>());
            fullRuns.Add(await BoardBench.RenderAsync(fullContext, "/reports/pipeline", ChartShown, renders, fullCpu, full1));
            emptyRuns.Add(await BoardBench.RenderAsync(emptyContext, "/reports/pipeline", ChartShown, renders, emptyCpu, empty1));
            fullShown.Add(full1);
            emptyShown.Add(empty1);
        }
        // The charts come in the prerendered page (ADR 056): on screen before the circuit is live.
        rows.Add(Stats.Row($"/reports/pipeline charts on screen, {leads:N0} leads (prerendered, before live)", fullShown));
        rows.Add(Stats.Row("  /reports/pipeline charts on screen, empty workspace (baseline)", emptyShown));
        rows.Add(Stats.Row($"/reports/pipeline first render, {leads:N0} leads (charts shown, live)", fullRuns));
        rows.Add(Stats.Row("  /reports/pipeline first render, empty workspace (baseline)", emptyRuns));
        notes.Add($"Ratio (median p50): reports with {leads:N0} leads / empty workspace = {Stats.MedianOf(fullRuns, 50) / Stats.MedianOf(emptyRuns, 50):F2}× (target: < 1.5 s)");
        static double Median(IEnumerable<double> v) => Stats.Percentile(v.ToList(), 50);
        notes.Add($"Reports CPU per render (median): app {Median(fullCpu.Select(c => c.AppMs)):F0} ms with {leads:N0} leads vs {Median(emptyCpu.Select(c => c.AppMs)):F0} ms empty; " +
                  $"browser main thread {Median(fullCpu.Select(c => c.BrowserMs)):F0} ms vs {Median(emptyCpu.Select(c => c.BrowserMs)):F0} ms");
        notes.Add($"Accounts (password {full.Password}): {full.Email} ({leads:N0} leads), {empty.Email} (empty)");
        await fullContext.CloseAsync();
        await emptyContext.CloseAsync();
    }
}
