using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;


namespace SalesCrm.Bench;

/// <summary>Prints p50/p95 figures for the pipeline against baselines measured in the same run.</summary>
public static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        // dotnet run -c Release --project bench/SalesCrm.Bench -- [--leads 100000] [--board-leads 2000] [--requests 200] [--moves 100] [--renders 5] [--only-home]
        var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--") && x.i + 1 < args.Length && int.TryParse(args[x.i + 1], out _)).ToDictionary(x => x.a[2..], x => int.Parse(args[x.i + 1]));
        var leadCount = options.GetValueOrDefault("leads", 100_000);
        var boardLeads = options.GetValueOrDefault("board-leads", 2_000);
        var requests = options.GetValueOrDefault("requests", 200);
        var moves = options.GetValueOrDefault("moves", 100);
        var renders = options.GetValueOrDefault("renders", 5);

        var webhookCount = options.GetValueOrDefault("webhooks", 2_000);
        var only = args.Contains("--only-webhooks");
        var ackOnly = args.Contains("--ack-only");
        await using var graph = WebhookBench.GraphStub(out var graphUrl);
        var processProbe = args.Contains("--process-probe");
        await using var host = new BenchHost(graphUrl, processing: !ackOnly && !processProbe);
        host.Start();
        Console.WriteLine($"SalesCrm benchmark on {Environment.ProcessorCount} cores, SQLite, {host.BaseUrl}");
        var rows = new List<string>();
        var notes = new List<string>();
        if (args.Contains("--probe"))
        {
            await WebhookBench.ProbeAsync(host, webhookCount, notes);
            Print(rows, notes);
            return;
        }
        if (args.Contains("--only-home"))
        {
            await HomeBench.RunAsync(host, leadCount, requests, rows);
            Print(rows, notes);
            return;
        }
        if (processProbe)
        {
            await WebhookBench.ProcessProbeAsync(host, webhookCount, notes);
            Print(rows, notes);
            return;
        }
        if (only)
        {
            await WebhookBench.RunAsync(host, webhookCount, rows, notes, waitForLeads: !ackOnly);
            Print(rows, notes);
            return;
        }

        // 1. Lead list latency at scale, against the same query on a small tenant and a bare endpoint in the same run.
        var big = await host.RegisterAsync("Bench 100k");
        var small = await host.RegisterAsync("Bench small");
        var seed = Stopwatch.StartNew();
        await host.SeedAsync(big, leadCount, openOnly: false, interactionsPerLead: 1);
        await host.SeedAsync(small, 500, openOnly: false, interactionsPerLead: 1);
        Console.WriteLine($"Seeded {leadCount:N0} leads (+ interactions, activities) in {seed.Elapsed.TotalSeconds:F0} s");

        const string typical = "/api/v1/leads?status=eq.open&priority=in.(high,urgent)&value=gte.1000&order=updated_at.desc&limit=50";
        const string search = "/api/v1/leads?q=silva&order=created_at.desc&limit=50";
        async Task<List<double>> TimeAsync(HttpClient client, string url, int n)
        {
            for (var i = 0; i < 10; i++) (await client.GetAsync(url)).EnsureSuccessStatusCode();
            var samples = new List<double>();
            for (var i = 0; i < n; i++)
            {
                var sw = Stopwatch.StartNew();
                var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                samples.Add(sw.Elapsed.TotalMilliseconds);
            }
            return samples;
        }
        var bigClient = host.Http(big.Token);
        var smallClient = host.Http(small.Token);
        var listBig = await TimeAsync(bigClient, typical, requests);
        var listSmall = await TimeAsync(smallClient, typical, requests);
        var searchBig = await TimeAsync(bigClient, search, requests);
        var health = await TimeAsync(host.Http(), "/health", requests);
        rows.Add(Stats.Row($"GET /leads filter+order+limit 50 @ {leadCount:N0} leads", listBig));
        rows.Add(Stats.Row("  same query @ 500 leads (baseline)", listSmall));
        rows.Add(Stats.Row($"GET /leads?q=silva (text search) @ {leadCount:N0} leads", searchBig));
        rows.Add(Stats.Row("  GET /health (bare endpoint baseline)", health));

        // 2. Time to first render of /pipeline with 2,000 open leads vs an empty board, in Debian's Chromium.
        var board = await host.RegisterAsync("Bench board");
        var empty = await host.RegisterAsync("Bench empty");
        await host.SeedAsync(board, boardLeads, openOnly: true, interactionsPerLead: 1);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        async Task<List<double>> RenderAsync(BenchHost.Account account, string ready)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
            var login = await context.NewPageAsync();
            await login.GotoAsync("/account/login");
            await login.FillAsync("#email", account.Email);
            await login.FillAsync("#password", account.Password);
            await login.ClickAsync("[data-testid=login-submit]");
            await login.WaitForURLAsync(host.BaseUrl + "/");
            await login.CloseAsync();
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
            await context.CloseAsync();
            return samples;
        }
        rows.Add(Stats.Row($"/pipeline first render, {boardLeads:N0} open leads (to live board)", await RenderAsync(board, "[data-testid^=card-]")));
        rows.Add(Stats.Row("  /pipeline first render, empty board (baseline)", await RenderAsync(empty, "[data-testid=board]")));

        // 3. Delay from PATCH …/stage until a second SignalR client receives LeadMoved (WebSockets, same tenant).
        var received = new ConcurrentDictionary<int, long>();
        await using var watcher = new HubConnectionBuilder().WithUrl($"{host.BaseUrl}/hubs/pipeline", o => o.AccessTokenProvider = () => Task.FromResult<string?>(board.Token)).Build();
        string? watchedLead = null;
        watcher.On<JsonElement>("LeadMoved", data =>
        {
            if (data.GetProperty("lead_id").GetString() == watchedLead) received[data.GetProperty("version").GetInt32()] = Stopwatch.GetTimestamp();
        });
        await watcher.StartAsync();
        var boardClient = host.Http(board.Token);
        var pipelines = JsonNode.Parse(await boardClient.GetStringAsync("/api/v1/pipelines"))!;
        var stageIds = pipelines["items"]![0]!["stages"]!.AsArray().Take(2).Select(s => (string)s!["id"]!).ToArray();
        var lead = JsonNode.Parse(await (await boardClient.PostAsJsonAsync("/api/v1/leads", new { name = "Bench mover", stage_id = stageIds[0] })).Content.ReadAsStringAsync())!;
        watchedLead = (string)lead["id"]!;
        var version = (int)lead["version"]!;
        var pushDelays = new List<double>();
        var patchTimes = new List<double>();
        for (var i = 0; i < moves + 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var response = await boardClient.PatchAsJsonAsync($"/api/v1/leads/{watchedLead}/stage", new { stage_id = stageIds[(i + 1) % 2], expected_version = version });
            var patched = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            version = (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!;
            var deadline = Stopwatch.StartNew();
            while (!received.ContainsKey(version) && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(1);
            if (!received.TryGetValue(version, out var arrived)) throw new InvalidOperationException($"LeadMoved for version {version} never arrived");
            if (i < 5) continue;
            pushDelays.Add(Stopwatch.GetElapsedTime(start, arrived).TotalMilliseconds);
            patchTimes.Add(patched);
        }
        rows.Add(Stats.Row("PATCH …/stage → second client receives LeadMoved", pushDelays));
        rows.Add(Stats.Row("  PATCH …/stage HTTP round trip (baseline)", patchTimes));

        await WebhookBench.RunAsync(host, webhookCount, rows, notes);
        notes.Insert(0, $"Ratios (p50): list @ {leadCount:N0} / @ 500 = {Stats.Percentile(listBig, 50) / Stats.Percentile(listSmall, 50):F1}×; push delay / PATCH round trip = {Stats.Percentile(pushDelays, 50) / Stats.Percentile(patchTimes, 50):F2}×");
        Print(rows, notes);
    }

    private static void Print(List<string> rows, List<string> notes)
    {
        Console.WriteLine();
        Console.WriteLine($"| {"measurement",-58} | {"n",5} | {"p50 ms",9} | {"p95 ms",9} |");
        Console.WriteLine($"|{new string('-', 60)}|{new string('-', 7)}|{new string('-', 11)}|{new string('-', 11)}|");
        foreach (var row in rows) Console.WriteLine(row);
        Console.WriteLine();
        foreach (var note in notes) Console.WriteLine(note);

    }
}
