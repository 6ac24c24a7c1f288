using System.Diagnostics;
using Microsoft.Playwright;

namespace SalesCrm.Bench;

/// <summary>
/// Time from navigation to a live <c>/pipeline</c> (cards rendered and the circuit connected) in Debian's Chromium, for
/// a board with <c>board-leads</c> open leads and for an empty board (the baseline), taking turns in each run.
/// </summary>
public static class BoardBench
{
    public static async Task RunAsync(BenchHost host, int boardLeads, int renders, int runs, List<string> rows, List<string> notes)
    {
        var board = await host.RegisterAsync("Bench board");
        var empty = await host.RegisterAsync("Bench empty");
        await host.SeedAsync(board, boardLeads, openOnly: true, interactionsPerLead: 1);
        await host.AnalyzeAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var full = await SignInAsync(browser, host, board);
        var bare = await SignInAsync(browser, host, empty);
        var fullRuns = new List<IReadOnlyList<double>>();
        var emptyRuns = new List<IReadOnlyList<double>>();
        for (var run = 0; run < runs; run++)
        {
            fullRuns.Add(await RenderAsync(full, "[data-testid^=card-]", renders));
            emptyRuns.Add(await RenderAsync(bare, "[data-testid=board]", renders));
        }
        rows.Add(Stats.Row($"/pipeline first render, {boardLeads:N0} open leads (to live board)", fullRuns));
        rows.Add(Stats.Row("  /pipeline first render, empty board (baseline)", emptyRuns));
        notes.Add($"Ratio (median p50): board with {boardLeads:N0} open leads / empty board = {Stats.MedianOf(fullRuns, 50) / Stats.MedianOf(emptyRuns, 50):F2}×");
        await full.CloseAsync();
        await bare.CloseAsync();
    }

    private static async Task<IBrowserContext> SignInAsync(IBrowser browser, BenchHost host, BenchHost.Account account)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        var login = await context.NewPageAsync();
        await login.GotoAsync("/account/login");
        await login.FillAsync("#email", account.Email);
        await login.FillAsync("#password", account.Password);
        await login.ClickAsync("[data-testid=login-submit]");
        await login.WaitForURLAsync(host.BaseUrl + "/");
        await login.CloseAsync();
        return context;
    }

    /// <summary>One untimed render to warm up, then <paramref name="renders"/> timed ones, each in a new tab.</summary>
    private static async Task<IReadOnlyList<double>> RenderAsync(IBrowserContext context, string ready, int renders)
    {
        var samples = new List<double>();
        for (var i = 0; i < renders + 1; i++)
        {
            var page = await context.NewPageAsync();
            var sw = Stopwatch.StartNew();
            await page.GotoAsync("/pipeline");
            await page.Locator(ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            await page.Locator("[data-testid=circuit-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
            if (i > 0) samples.Add(sw.Elapsed.TotalMilliseconds);
            await page.CloseAsync();
        }
        return samples;
    }
}
