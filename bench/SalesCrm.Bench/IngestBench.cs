using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Inbox;
using SalesCrm.Web.Features.Inbox;

namespace SalesCrm.Bench;

/// <summary>
/// <c>--only ingest</c>: signed Meta leadgen webhooks on PostgreSQL with one app instance, then with two instances on the
/// same database (both receiving, both processing, work claimed per row; ADR 047). Prints acknowledgements/s, leads/s
/// (accepted → lead created) and the two/one ratios, with the load average.
/// </summary>
public static class IngestBench
{
    private const int Concurrency = 16;

    public static async Task RunAsync(string postgresServer, int count, List<string> notes)
    {
        await using var graph = WebhookBench.GraphStub(out var graphUrl);
        var settings = new Dictionary<string, string> { ["Scale:Claims:Instance"] = "bench-one" };
        await using var first = new BenchHost(graphUrl, processing: true, postgresServer) { Settings = settings };
        first.Start();
        Console.WriteLine($"Ingest benchmark on {Environment.ProcessorCount} cores, PostgreSQL, {count} webhooks per run, {Concurrency} senders");
        var account = await first.RegisterAsync("Ingest bench");
        var pageId = "9" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999);
        using (var http = first.Http(account.Token))
        {
            var put = await http.PutAsJsonAsync("/api/v1/integrations/meta", new { pages = new[] { new { page_id = pageId, access_token = "EAAB-bench-" + pageId } } });
            if (put.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException("Connecting the page failed: " + await put.Content.ReadAsStringAsync());
        }

        // Warm-up on one instance (JIT, pools), not measured.
        await RunOnceAsync([first], first, pageId, "warm", Math.Min(300, count));
        var one = await RunOnceAsync([first], first, pageId, "one", count);
        notes.Add(Line("one instance", one));

        await using var second = new BenchHost(graphUrl, processing: true, postgresServer, first.PostgresDatabase) { Settings = new Dictionary<string, string> { ["Scale:Claims:Instance"] = "bench-two" } };
        second.Start();
        await RunOnceAsync([second], first, pageId, "warm2", Math.Min(300, count));
        var two = await RunOnceAsync([first, second], first, pageId, "two", count);
        notes.Add(Line("two instances", two));
        notes.Add($"ratio two/one: acknowledgements {two.AcksPerSecond / one.AcksPerSecond:F2}, leads {two.LeadsPerSecond / one.LeadsPerSecond:F2}; " +
                  "both instances run in this one process on the same cores, so the ratio shows claiming overhead and contention, not added hardware");
    }

    private static string Line(string what, Result r) =>
        $"{what}: {r.AcksPerSecond:F0} acknowledgements/s, {r.LeadsPerSecond:F0} leads/s (accepted → lead), {r.Ok} acknowledged, {r.Leads} processed; load average {r.LoadBefore} → {r.LoadAfter}";

    private sealed record Result(double AcksPerSecond, double LeadsPerSecond, int Ok, int Leads, string LoadBefore, string LoadAfter);

    private static async Task<Result> RunOnceAsync(BenchHost[] targets, BenchHost reader, string pageId, string run, int count)
    {
        var clients = targets.Select(t => t.Http()).ToArray();
        var before = await ProcessedAsync(reader);
        var loadBefore = LoadAverage();
        var ok = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
        {
            var body = Body(pageId, $"{pageId}{run}{i:D6}");
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/meta-leads") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(WebhookBench.AppSecret, body));
            using var response = await clients[i % clients.Length].SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref ok);
        });
        var acked = watch.Elapsed;
        var processed = 0;
        var deadline = TimeSpan.FromMinutes(3);
        while (watch.Elapsed < deadline && (processed = await ProcessedAsync(reader) - before) < ok) await Task.Delay(100);
        var done = watch.Elapsed;
        foreach (var client in clients) client.Dispose();
        return new Result(ok / acked.TotalSeconds, processed / done.TotalSeconds, ok, processed, loadBefore, LoadAverage());
    }

    private static async Task<int> ProcessedAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.Inbox.CountAsync(i => i.Status == InboxStatus.Processed);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static byte[] Body(string pageId, string leadgenId) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = pageId, ["time"] = 1764072000,
            ["changes"] = new JsonArray(new JsonObject { ["field"] = "leadgen", ["value"] = new JsonObject { ["leadgen_id"] = leadgenId, ["page_id"] = pageId, ["form_id"] = "1", ["ad_id"] = "2", ["created_time"] = 1764072000 } }),
        }),
    }.ToJsonString());
}
