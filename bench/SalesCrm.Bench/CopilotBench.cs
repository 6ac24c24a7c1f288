using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesCrm.Web.Features.Demo;
using SalesCrm.Web.Tests.Copilot;

namespace SalesCrm.Bench;

/// <summary>
/// The copilot over the real knowledge base (the demo's playbook, seeded into the bench's workspace as the demo seeds it,
/// searched by the app's own hybrid search): offline suggest latency through the API (retrieval + grounded composer, no
/// model; the labelled retrieval questions as contexts, each made distinct so nothing comes from the cache), with a lead
/// read as the same-run baseline; and, with a chat model at a local stub, the time from the stub flushing its first token
/// to that token being on screen in the lead page's panel (Chromium), with a UI round trip (click → progress bar) as the
/// baseline.
/// </summary>
public static class CopilotBench
{
    public static async Task RunAsync(string repo, int requests, int runs, int renders, string? screenshots, List<string> rows, List<string> notes)
    {
        var unlimited = new Dictionary<string, string> { ["Copilot:RequestsPerHour"] = "100000" };
        await using (var offline = new BenchHost { Settings = unlimited })
        {
            offline.Start();
            await OfflineAsync(offline, Questions(repo), requests, runs, rows, notes);
        }
        await using var stub = await OpenAiStub.StartAsync();
        // The demo playbook's own facts ("Objeção: tá caro"), as a model grounded in it would write them.
        stub.Answer = Marker + " {first}! O Plano Anual sai por uns R$ 5,50 por dia, menos do que um café. [S1]\n---\n{first}, posso te mostrar a conta com os números da sua loja? [S1]";
        stub.TokenDelay = TimeSpan.FromMilliseconds(20);
        var clock = new UnixClock();
        var firstTokenAt = 0.0;
        stub.FirstTokenSent += () => firstTokenAt = clock.NowMs();
        var withModel = new Dictionary<string, string>(unlimited)
        {
            ["Copilot:Chat:Provider"] = "openai", ["Copilot:Chat:BaseUrl"] = stub.BaseUrl, ["Copilot:Chat:Model"] = "bench", ["Copilot:Chat:ApiKey"] = "bench",
        };
        await using var online = new BenchHost { Settings = withModel };
        online.Start();
        await OnScreenAsync(online, () => firstTokenAt, renders, runs, screenshots, rows, notes);
    }

    /// <summary>The labelled retrieval set's pt-BR questions (bench/SalesCrm.Bench/Retrieval): what customers write.</summary>
    private static string[] Questions(string repo) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(repo, "bench", "SalesCrm.Bench", "Retrieval", "questions.json")))!.AsArray()
            .Where(q => (string?)q!["language"] == "pt-BR").Select(q => (string)q!["question"]!).ToArray();

    /// <summary>A workspace with the demo's playbook in its knowledge base (published, chunked and indexed as the demo's is).</summary>
    private static async Task<BenchHost.Account> WorkspaceWithPlaybookAsync(BenchHost host, string name)
    {
        var account = await host.RegisterAsync(name);
        await using var scope = host.Services.CreateAsyncScope();
        await DemoPlaybook.SeedAsync(scope.ServiceProvider, account.TenantId, account.UserId, CancellationToken.None);
        return account;
    }

    private static async Task OfflineAsync(BenchHost host, string[] questions, int requests, int runs, List<string> rows, List<string> notes)
    {
        var account = await WorkspaceWithPlaybookAsync(host, "Bench copilot");
        var client = host.Http(account.Token);
        var lead = await CreateLeadAsync(client);
        var counter = 0;
        var providers = new Dictionary<string, int>();
        async Task<double> SuggestAsync()
        {
            // A distinct context each time: "tá caro (17)" normalizes differently, so the cache never answers.
            var body = new { lead_id = lead, intent = "objection", context = $"{questions[counter % questions.Length]} ({counter++})" };
            var sw = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/v1/copilot/suggest", body);
            var elapsed = sw.Elapsed.TotalMilliseconds;
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (!response.IsSuccessStatusCode || (bool)answer["cached"]!) throw new InvalidOperationException($"suggest answered {(int)response.StatusCode}: {answer}");
            var provider = (string)answer["provider"]!;
            providers[provider] = providers.GetValueOrDefault(provider) + 1;
            return elapsed;
        }
        async Task<double> ReadLeadAsync()
        {
            var sw = Stopwatch.StartNew();
            (await client.GetAsync($"/api/v1/leads/{lead}")).EnsureSuccessStatusCode();
            return sw.Elapsed.TotalMilliseconds;
        }
        for (var i = 0; i < 20; i++) { await SuggestAsync(); await ReadLeadAsync(); }
        var suggest = new List<IReadOnlyList<double>>();
        var baseline = new List<IReadOnlyList<double>>();
        for (var run = 0; run < runs; run++)
        {
            var s = new List<double>();
            var b = new List<double>();
            for (var i = 0; i < requests; i++)
            {
                s.Add(await SuggestAsync());
                b.Add(await ReadLeadAsync());
            }
            suggest.Add(s);
            baseline.Add(b);
        }
        var sample = JsonNode.Parse(await (await client.PostAsJsonAsync("/api/v1/copilot/suggest", new { lead_id = lead, intent = "objection", context = "meu cunhado instala mais barato" })).Content.ReadAsStringAsync())!;
        rows.Add(Stats.Row("POST /copilot/suggest offline (knowledge base + composer, uncached)", suggest));
        rows.Add(Stats.Row("  GET /leads/{id} (baseline)", baseline));
        notes.Add($"Offline suggest / lead read (median p95): {Stats.MedianOf(suggest, 95) / Stats.MedianOf(baseline, 95):F2}×. "
                  + $"Answered by: {string.Join(", ", providers.Select(p => $"{p.Key} {p.Value}"))} ({questions.Length} distinct questions). "
                  + $"Sample for \"meu cunhado instala mais barato\": {sample["suggestions"]![0]!["text"]} [{sample["suggestions"]![0]!["sources"]![0]!["document_title"]}]");
    }

    private static async Task OnScreenAsync(BenchHost host, Func<double> firstTokenAt, int renders, int runs, string? screenshots, List<string> rows,
        List<string> notes)
    {
        var account = await WorkspaceWithPlaybookAsync(host, "Bench copilot stream");
        var lead = await CreateLeadAsync(host.Http(account.Token));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BoardBench.LaunchAsync(playwright);
        var context = await BoardBench.SignInAsync(browser, host, account);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/leads/{lead}");
        await page.Locator("[data-testid=circuit-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await page.Locator("[data-testid=copilot-ask]").WaitForAsync();
        var firstToken = new List<IReadOnlyList<double>>();
        var roundTrip = new List<IReadOnlyList<double>>();
        var counter = 0;
        for (var run = 0; run < runs; run++)
        {
            var tokens = new List<double>();
            var clicks = new List<double>();
            for (var i = 0; i < renders + 1; i++)
            {
                await page.EvaluateAsync(WatchScript, Marker);
                await page.Locator("textarea[data-testid=copilot-context]").FillAsync($"Tá caro, {counter++}");
                await page.Locator("[data-testid=copilot-ask]").ClickAsync();
                await page.WaitForFunctionAsync("() => window.__copilot.token > 0", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
                var seen = await page.EvaluateAsync<double[]>("() => [window.__copilot.token, window.__copilot.down, window.__copilot.progress]");
                await page.Locator("[data-testid=copilot-suggestion]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
                if (i == 0) continue;
                tokens.Add(seen[0] - firstTokenAt());
                clicks.Add(seen[2] - seen[1]);
            }
            firstToken.Add(tokens);
            roundTrip.Add(clicks);
        }
        if (screenshots is not null)
        {
            Directory.CreateDirectory(screenshots);
            await page.Locator("[data-testid=copilot-panel]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(screenshots, "copilot-panel.png") });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "copilot-lead.png"), FullPage = true });
        }
        rows.Add(Stats.Row("Stub flushes 1st token → token on screen in the panel", firstToken));
        rows.Add(Stats.Row("  click Suggest → panel reacts on screen (baseline)", roundTrip));
        await context.CloseAsync();
    }

    /// <summary>The first word the stub streams, looked for on screen.</summary>
    private const string Marker = "Entendo,";

    /// <summary>Unix time in milliseconds from the high-resolution clock, comparable with the browser's <c>performance.timeOrigin + now()</c>.</summary>
    private sealed class UnixClock
    {
        private readonly double _startMs = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
        private readonly long _start = Stopwatch.GetTimestamp();

        public double NowMs() => _startMs + Stopwatch.GetElapsedTime(_start).TotalMilliseconds;
    }

    /// <summary>Notes (Unix ms) when the mouse goes down on Suggest, when the panel first reacts (progress bar or streamed words) and when the marker word is on screen.</summary>
    private const string WatchScript =
        """
        marker => {
          const now = () => performance.timeOrigin + performance.now();
          window.__copilot?.observer?.disconnect();
          const state = { token: 0, down: 0, progress: 0 };
          const button = document.querySelector('[data-testid=copilot-ask]');
          button.addEventListener('mousedown', () => { if (!state.down) state.down = now(); }, { once: true });
          state.observer = new MutationObserver(() => {
            // The panel's first reaction: the progress bar, or the first streamed words when they come within the same render.
            if (!state.progress && document.querySelector('[data-testid=copilot-progress], [data-testid=copilot-streaming]')) state.progress = now();
            if (!state.token) {
              for (const s of document.querySelectorAll('[data-testid=copilot-streaming]'))
                if (s.textContent.includes(marker)) { state.token = now(); break; }
            }
          });
          state.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          window.__copilot = state;
        }
        """;

    private static async Task<string> CreateLeadAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/leads", new { name = "Marina Costa", phone = "+5541988776655" });
        response.EnsureSuccessStatusCode();
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }
}
