using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Inbox.Storage;
using SalesCrm.Web.Features.Inbox;

namespace SalesCrm.Bench;

/// <summary>Signed Meta leadgen webhooks: acknowledgement rate and latency against a bare Kestrel endpoint, leads created per second, loss.</summary>
public static class WebhookBench
{
    public const string AppSecret = "bench-meta-app-secret";
    /// <summary>Requests in each fixed-rate (200 req/s) latency run: 10 seconds.</summary>
    private const int PacedCount = 2_000;
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(6);
    /// <summary>
    /// After the fixed warm-up, traffic goes on in slices (the bare endpoint for half this long, then the app for this
    /// long) until the JIT compiles fewer than <see cref="SettledMethods"/> methods in one, for at most <see cref="SettleLimit"/>.
    /// </summary>
    private static readonly TimeSpan SettleSlice = TimeSpan.FromSeconds(1);
    private const int SettledMethods = 20;
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(120);
    /// <summary>Requests per second while warming up the app with processing on.</summary>
    private const int PacedWarmRate = 3_000;
    /// <summary>… and while waiting for the JIT to settle: the receiver is warm by then; the processor, which works at
    /// its burst pace above <c>Inbox:BurstRequestsPerSecond</c> whatever the rate, is what is still being compiled.</summary>
    private const int SettleRate = 500;

    /// <summary>A loopback app with one route; used as the Graph API stub and as the bare baseline endpoint.</summary>
    public static (WebApplication App, string Url) Start(Action<WebApplication> map)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        app.StartAsync().GetAwaiter().GetResult();
        return (app, $"http://127.0.0.1:{port}");
    }

    public static WebApplication GraphStub(out string baseUrl)
    {
        var (app, url) = Start(a => a.MapGet("/v21.0/{id}", (string id) => Results.Json(new
        {
            id, field_data = new object[] { new { name = "full_name", values = new[] { $"Bench {id}" } }, new { name = "email", values = new[] { $"{id}@bench.example" } } },
        })));
        baseUrl = url + "/v21.0";
        return app;
    }

    private static byte[] Body(string pageId, string leadgenId) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = pageId, ["time"] = 1764072000,
            ["changes"] = new JsonArray(new JsonObject { ["field"] = "leadgen", ["value"] = new JsonObject { ["leadgen_id"] = leadgenId, ["page_id"] = pageId, ["form_id"] = "1", ["ad_id"] = "2", ["created_time"] = 1764072000 } }),
        }),
    }.ToJsonString());

    private static HttpRequestMessage Request(string url, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(AppSecret, body));
        return request;
    }

    /// <summary>
    /// Closed loop: as fast as <paramref name="concurrency"/> senders can go. Returns requests per second, the OK count
    /// and the process CPU time per request (both cores, sender included).
    /// </summary>
    private static async Task<(double PerSecond, int Ok, double CpuMicros)> ThroughputAsync(HttpClient client, string url, int count, int concurrency, Func<int, byte[]> body)
    {
        var ok = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            using var response = await client.SendAsync(Request(url, body(i)), ct);
            if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref ok);
        });
        var elapsed = watch.Elapsed;
        return (count / elapsed.TotalSeconds, ok, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / count);
    }

    private const int Rounds = 11;

    /// <summary>
    /// The bare endpoint and the app take turns, <see cref="Rounds"/> rounds of <paramref name="count"/>/rounds requests
    /// each, alternating which goes first. This machine's speed drifts by tens of percent within a minute, so each
    /// round's ratio compares like with like; the figures are the medians (rates) and the median ratio with its range.
    /// </summary>
    private static async Task<(double BareRate, double AppRate, int AppOk, string Ratio)> InterleavedAsync(
        HttpClient client, string bareUrl, string appUrl, int count, Func<int, byte[]> body)
    {
        var perRound = Math.Max(1, count / Rounds);
        List<double> bare = [], app = [], ratios = [], bareCpu = [], appCpu = [];
        var ok = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var bareFirst = round % 2 == 0;
            var b = bareFirst ? await ThroughputAsync(client, bareUrl, perRound, 16, body) : default;
            var a = await ThroughputAsync(client, appUrl, perRound, 16, body);
            if (!bareFirst) b = await ThroughputAsync(client, bareUrl, perRound, 16, body);
            bare.Add(b.PerSecond);
            bareCpu.Add(b.CpuMicros);
            app.Add(a.PerSecond);
            appCpu.Add(a.CpuMicros);
            ratios.Add(a.PerSecond / b.PerSecond);
            ok += a.Ok;
        }
        var ratio = $"{Stats.Percentile(ratios, 50):F2}, rounds {ratios.Min():F2}–{ratios.Max():F2}; CPU per request, sender included: " +
                    $"bare {Stats.Percentile(bareCpu, 50):F0} µs, app {Stats.Percentile(appCpu, 50):F0} µs";
        return (Stats.Percentile(bare, 50), Stats.Percentile(app, 50), ok, ratio);
    }

    /// <summary>Sends batches of requests for <paramref name="time"/>; returns how many were acknowledged.</summary>
    private static async Task<int> WarmAsync(HttpClient client, string url, Func<int, byte[]> body, TimeSpan time, int concurrency)
    {
        var watch = Stopwatch.StartNew();
        var ok = 0;
        while (watch.Elapsed < time) ok += (await ThroughputAsync(client, url, 500, concurrency, body)).Ok;
        return ok;
    }

    /// <summary>Requests per second sent to the app throughout the interleaved rounds when processing is on.</summary>
    private const int TrickleRate = 200;

    /// <summary>
    /// Open loop at a fixed rate, <paramref name="count"/> requests or until <paramref name="stop"/>: the latency of each
    /// acknowledgement (every request must be acknowledged).
    /// </summary>
    private static async Task<List<double>> PacedAsync(HttpClient client, string url, int count, int perSecond, Func<int, byte[]> body, CancellationToken stop = default)
    {
        var latencies = new ConcurrentBag<double>();
        var tasks = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count && !stop.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, stop); }
                catch (OperationCanceledException) { break; }
            }
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var t = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(Request(url, body(n)));
                response.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }));
        }
        await Task.WhenAll(tasks);
        return latencies.ToList();
    }

    /// <summary>Where the time goes: the same request rejected at the signature check (full pipeline + HMAC, no write).</summary>
    public static async Task ProbeAsync(BenchHost host, int count, List<string> notes)
    {
        var (bare, bareUrl) = Start(a => a.MapPost("/hook", async (HttpRequest r) => { await r.Body.CopyToAsync(Stream.Null); return Results.Ok(); }));
        await using var bareApp = bare;
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        byte[] Body(int i) => WebhookBench.Body("1", $"{i}");
        async Task<double> RateAsync(Func<byte[], HttpRequestMessage> make, int n)
        {
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                using var response = await client.SendAsync(make(Body(i)), ct);
            });
            return n / watch.Elapsed.TotalSeconds;
        }
        async Task<double> WarmRateAsync(Func<byte[], HttpRequestMessage> make)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < WarmupTime) await RateAsync(make, 1_000);
            return await RateAsync(make, count);
        }
        HttpRequestMessage Unsigned(string url, byte[] body) => new(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        HttpRequestMessage Bare(byte[] b) => Unsigned(bareUrl + "/hook", b);
        HttpRequestMessage Forged(byte[] b)
        {
            var r = Request($"{host.BaseUrl}/api/webhooks/meta-leads", b);
            r.Headers.Remove("X-Hub-Signature-256");
            r.Headers.Add("X-Hub-Signature-256", "sha256=00");
            return r;
        }
        HttpRequestMessage Health(byte[] _) => new(HttpMethod.Get, $"{host.BaseUrl}/health");
        var bareRate = await WarmRateAsync(Bare);
        var rejected = await WarmRateAsync(Forged);
        var health = await WarmRateAsync(Health);
        notes.Add($"Pipeline probe: bare {bareRate:F0} req/s; app /health {health:F0} req/s ({health / bareRate:F2}); webhook rejected at signature (no write) {rejected:F0} req/s ({rejected / bareRate:F2}).");
    }

    /// <summary>
    /// Lead processing alone: fills the inbox with processing paused, then drives the processor directly, in
    /// <see cref="Rounds"/> rounds after a warm-up of the same size, and reports the medians of wall time, process CPU
    /// time and allocation per lead created (the Graph stub and the background event dispatch run in this process too).
    /// </summary>
    public static async Task ProcessProbeAsync(BenchHost host, int count, List<string> notes)
    {
        var account = await host.RegisterAsync("Bench processing");
        var api = host.Http(account.Token);
        const string pageId = "990000000002";
        (await api.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = pageId, access_token = "bench-token" } } })).EnsureSuccessStatusCode();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        var target = $"{host.BaseUrl}/api/webhooks/meta-leads";
        var leadgen = 0L;
        byte[] Next(int _) => Body(pageId, $"88{Interlocked.Increment(ref leadgen):D10}");
        var perRound = Math.Max(20, count / Rounds);
        await ThroughputAsync(client, target, count + perRound * Rounds, 16, Next);
        await host.Services.GetRequiredService<IInboxSink>().FlushAsync(CancellationToken.None);
        async Task<(double WallMs, double CpuMs, double AllocKiB)> DrainAsync(int limit)
        {
            var done = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes();
            var watch = Stopwatch.StartNew();
            while (done < limit)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var n = await scope.ServiceProvider.GetRequiredService<InboxProcessor>().ProcessDueAsync(Math.Min(20, limit - done));
                if (n == 0) break;
                done += n;
            }
            if (done == 0) throw new InvalidOperationException("The inbox ran dry before the round.");
            return (watch.Elapsed.TotalMilliseconds / done, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / done,
                (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / done);
        }
        await DrainAsync(count);
        var rounds = new List<(double WallMs, double CpuMs, double AllocKiB)>();
        for (var i = 0; i < Rounds; i++) rounds.Add(await DrainAsync(perRound));
        var wall = Stats.Percentile(rounds.Select(r => r.WallMs).ToList(), 50);
        var cpu = Stats.Percentile(rounds.Select(r => r.CpuMs).ToList(), 50);
        notes.Add($"Lead processing alone ({Rounds} rounds of {perRound} Meta leads after {count} to warm up): {1000 / wall:F0} leads/s; per lead " +
                  $"wall {wall:F2} ms, process CPU {cpu:F2} ms (rounds {rounds.Min(r => r.CpuMs):F2}–{rounds.Max(r => r.CpuMs):F2}), " +
                  $"allocated {Stats.Percentile(rounds.Select(r => r.AllocKiB).ToList(), 50):F0} KiB (Graph stub and event dispatch included).");
    }

    public static async Task RunAsync(BenchHost host, int count, List<string> rows, List<string> notes, bool waitForLeads = true)
    {
        var account = await host.RegisterAsync("Bench webhooks");
        var api = host.Http(account.Token);
        const string pageId = "990000000001";
        (await api.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = pageId, access_token = "bench-token" } } })).EnsureSuccessStatusCode();
        var (bare, bareUrl) = Start(a => a.MapPost("/hook", async (HttpRequest r) => { await r.Body.CopyToAsync(Stream.Null); return Results.Ok(); }));
        await using var bareApp = bare;
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        var target = $"{host.BaseUrl}/api/webhooks/meta-leads";
        var leadgen = 0L;
        byte[] Next(int _) => Body(pageId, $"77{Interlocked.Increment(ref leadgen):D10}");

        // Warm both up alike: tiered JIT needs seconds of traffic, not a few calls, before a large app runs optimized code.
        // With processing on, the app is warmed at a fixed rate instead of flat out, which keeps the backlog of leads to
        // create (and the wait for them) to a minute or so.
        var warming = Stopwatch.StartNew();
        await WarmAsync(client, bareUrl + "/hook", Next, WarmupTime, 16);
        async Task<int> WarmAppAsync(TimeSpan time, int rate) => waitForLeads
            ? (await PacedAsync(client, target, (int)(time.TotalSeconds * rate), rate, Next)).Count
            : await WarmAsync(client, target, Next, time, 16);
        var warmed = await WarmAppAsync(WarmupTime, PacedWarmRate);
        // Then on until the JIT has settled: the lead processor's code (EF Core, the HTTP client, the event dispatch) is
        // called far less often than the receiver's, so it is still being recompiled when the receiver's has long been
        // optimized, and measuring then would count start-up work as the cost of receiving.
        var settle = Stopwatch.StartNew();
        var slice = SettleSlice + SettleSlice / 2;
        long compiled;
        do
        {
            var before = JitInfo.GetCompiledMethodCount();
            await WarmAsync(client, bareUrl + "/hook", Next, SettleSlice / 2, 16);
            warmed += await WarmAppAsync(SettleSlice, SettleRate);
            compiled = JitInfo.GetCompiledMethodCount() - before;
        } while (compiled >= SettledMethods && settle.Elapsed < SettleLimit);
        notes.Add($"Warm-up: {warming.Elapsed.TotalSeconds:F0} s; the JIT compiled {compiled} methods in its last {slice.TotalSeconds:F1} s " +
                  $"({(compiled < SettledMethods ? "settled" : "still compiling: the figures include start-up work")}).");

        var started = Stopwatch.StartNew();
        // With processing on, a steady trickle to the app runs through every round, bare and app alike, so the processor
        // gives way to receiving (a burst, Inbox:BurstRequestsPerSecond) in both: otherwise the bare endpoint would be
        // measured against a processor running flat out whenever the app is not being flooded.
        using var stopTrickle = new CancellationTokenSource();
        var trickle = waitForLeads ? PacedAsync(client, target, int.MaxValue, TrickleRate, Next, stopTrickle.Token) : Task.FromResult(new List<double>());
        int[] gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var pauseBefore = GC.GetTotalPauseDuration();
        var (jitBefore, jitTimeBefore) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
        var (bareRate, appRate, appOk, ratio) = await InterleavedAsync(client, bareUrl + "/hook", target, count, Next);
        notes.Add($"GC during the rounds: gen0 {GC.CollectionCount(0) - gcBefore[0]}, gen1 {GC.CollectionCount(1) - gcBefore[1]}, gen2 {GC.CollectionCount(2) - gcBefore[2]}; " +
                  $"paused {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:F0} ms; heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576} MiB. " +
                  $"JIT during the rounds: {JitInfo.GetCompiledMethodCount() - jitBefore} methods, {(JitInfo.GetCompilationTime() - jitTimeBefore).TotalMilliseconds:F0} ms.");
        await stopTrickle.CancelAsync();
        var trickled = (await trickle).Count;
        var sink = host.Services.GetRequiredService<IInboxSink>();
        var backlog = (sink as InboxJournal)?.Backlog ?? 0;
        var drain = Stopwatch.StartNew();
        await sink.FlushAsync(CancellationToken.None);
        notes.Add($"Inbox table caught up {drain.Elapsed.TotalMilliseconds:F0} ms after the last acknowledgement ({backlog} journaled items to move, {sink.GetType().Name}).");
        var paced = await PacedAsync(client, target, PacedCount, 200, Next);
        var pacedBare = await PacedAsync(client, bareUrl + "/hook", PacedCount, 200, Next);

        var expected = warmed + appOk + trickled + PacedCount;
        int leads = 0;
        if (!waitForLeads)
        {
            notes.Add($"Acknowledgement only (processing paused): {appRate:F0} req/s vs bare {bareRate:F0} req/s (median ratio {ratio}); p99 at 200 req/s = {Stats.Percentile(paced, 99):F1} ms.");
            rows.Add(Stats.Row($"signed Meta leadgen → 200 at 200 req/s, processing paused", paced));
            return;
        }
        do
        {
            leads = (int)JsonNode.Parse(await api.GetStringAsync("/api/v1/leads?limit=1&source=eq.meta_ads"))!["total"]!;
            if (leads >= expected) break;
            await Task.Delay(100);
        } while (started.Elapsed < TimeSpan.FromMinutes(10));
        var processingRate = (leads - warmed) / started.Elapsed.TotalSeconds;

        rows.Add(Stats.Row($"signed Meta leadgen → 200 at 200 req/s (n={PacedCount})", paced));
        rows.Add(Stats.Row("  bare Kestrel endpoint at 200 req/s (baseline)", pacedBare));
        notes.Add($"Webhook acknowledgements: {appRate:F0} req/s vs bare endpoint {bareRate:F0} req/s (median ratio {ratio}, 16 concurrent senders); " +
                  $"p99 at 200 req/s = {Stats.Percentile(paced, 99):F1} ms (bare {Stats.Percentile(pacedBare, 99):F1} ms); leads created ≈ {processingRate:F0}/s; " +
                  $"acknowledged {expected}, leads {leads} → lost {Math.Max(0, expected - leads)} (a {TrickleRate} req/s trickle ran through the rounds).");
    }
}
