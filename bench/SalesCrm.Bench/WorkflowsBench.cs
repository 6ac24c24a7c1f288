using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;

namespace SalesCrm.Bench;

/// <summary>
/// <c>--only workflows [--events 2000] [--concurrency 8] [--no-n8n]</c>: events per second through trigger(lead.created) → condition →
/// set_field, and the event→action latency (the lead's commit, <c>leads.CreatedAt</c>, to the set_field step's finish,
/// <c>StartedAt + DurationMs</c> of its step row), on SQLite; side by side in the same run with n8n (webhook → IF → Set →
/// respond, <see cref="N8nBench"/>) driven with the same events and concurrency; then two app instances on PostgreSQL
/// (<c>SALESCRM_BENCH_POSTGRES</c>) for the rate.
/// </summary>
public static class WorkflowsBench
{
    /// <param name="OneAtATimeMs">Latency of events sent one at a time after the burst (each waits for the previous action): no queue.</param>
    /// <param name="StagesMs">Where the burst's latency goes, per stage (ms per event): lead committed → event handed off → queue item started as a run → set_field finished.</param>
    public record Result(int Events, double Seconds, List<double> LatencyMs, List<double> OneAtATimeMs, Dictionary<string, List<double>>? StagesMs = null)
    {
        public double Rate => Events / Seconds;
    }

    public const int OneAtATime = 30;

    private static readonly object Graph = new
    {
        nodes = new object[]
        {
            new { id = "start", type = "trigger", settings = new { kind = "event", event_type = "lead.created" }, position = new { x = 0, y = 40 } },
            new { id = "big", type = "condition", settings = new { field = "lead.value", @operator = "gte", value = 1000 }, position = new { x = 240, y = 40 } },
            new { id = "set", type = "set_field", settings = new { field = "lead.priority", value = "high" }, position = new { x = 480, y = 40 } },
            new { id = "done", type = "end", settings = new { }, position = new { x = 480, y = 200 } },
        },
        edges = new object[]
        {
            new { source = "start", source_port = "next", target = "big" },
            new { source = "big", source_port = "true", target = "set" },
            new { source = "big", source_port = "false", target = "done" },
        },
    };

    public static async Task RunAsync(int events, int concurrency, List<string> rows, List<string> notes, bool withN8n = true)
    {
        Console.WriteLine($"Workflow benchmark on {Environment.ProcessorCount} cores: {events} events, {concurrency} at a time; load average {LoadAverage()}");
        Result app;
        await using (var host = new BenchHost())
        {
            host.Start();
            app = await MeasureAsync([host], events, concurrency);
        }
        rows.Add(Stats.Row("app (SQLite): lead committed → set_field step finished", app.LatencyMs));
        rows.Add(Stats.Row("  app (SQLite): the same, one event at a time", app.OneAtATimeMs));
        foreach (var (stage, ms) in app.StagesMs ?? []) rows.Add(Stats.Row($"  app (SQLite) stage: {stage}", ms));
        notes.Add($"app (SQLite, one instance): {app.Events} events in {app.Seconds:F1} s = {app.Rate:F0} events/s");

        N8nBench.Result? n8n = null;
        if (!withN8n) notes.Add("n8n not measured: --no-n8n.");
        else try
        {
            n8n = await N8nBench.RunAsync(events, concurrency);
            rows.Add(Stats.Row("n8n 2.41.3 (SQLite): webhook → IF → Set → respond round trip", n8n.LatencyMs));
            rows.Add(Stats.Row("  n8n 2.41.3 (SQLite): the same, one event at a time", n8n.OneAtATimeMs));
            notes.Add($"n8n (SQLite): {n8n.Events} events in {n8n.Seconds:F1} s = {n8n.Rate:F0} events/s");
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or TaskCanceledException or System.ComponentModel.Win32Exception)
        {
            notes.Add($"n8n not measured: {e.Message}");
        }

        var postgres = Environment.GetEnvironmentVariable(BenchHost.PostgresVariable);
        Result? two = null;
        if (string.IsNullOrWhiteSpace(postgres)) notes.Add($"Two instances on PostgreSQL not measured: set {BenchHost.PostgresVariable}.");
        else
        {
            await using var first = new BenchHost(postgresServer: postgres);
            first.Start();
            await using var second = new BenchHost(postgresServer: postgres, joinDatabase: first.PostgresDatabase);
            second.Start();
            two = await MeasureAsync([first, second], events, concurrency);
            rows.Add(Stats.Row("app, two instances (PostgreSQL): lead → set_field finished", two.LatencyMs));
            notes.Add($"app (PostgreSQL, two instances): {two.Events} events in {two.Seconds:F1} s = {two.Rate:F0} events/s");
        }

        notes.Add("");
        notes.Add($"| {"side",-34} | {"events/s",9} | {"p50 ms",8} | {"p95 ms",8} |");
        notes.Add($"|{new string('-', 36)}|{new string('-', 11)}|{new string('-', 10)}|{new string('-', 10)}|");
        notes.Add(Line("app, 1 instance, SQLite", app.Rate, app.LatencyMs));
        notes.Add(Line("  app, one event at a time", double.NaN, app.OneAtATimeMs));
        if (n8n is not null)
        {
            notes.Add(Line("n8n 2.41.3, SQLite", n8n.Rate, n8n.LatencyMs));
            notes.Add(Line("  n8n, one event at a time", double.NaN, n8n.OneAtATimeMs));
            notes.Add($"| {"ratio app / n8n",-34} | {app.Rate / n8n.Rate,8:F1}× | {Stats.Percentile(app.LatencyMs, 50) / Stats.Percentile(n8n.LatencyMs, 50),7:F2}× | {Stats.Percentile(app.LatencyMs, 95) / Stats.Percentile(n8n.LatencyMs, 95),7:F2}× |");
        }
        if (two is not null) notes.Add(Line("app, 2 instances, PostgreSQL", two.Rate, two.LatencyMs));
        notes.Add($"Load average at the end: {LoadAverage()}");
    }

    private static string Line(string side, double rate, List<double> ms) =>
        $"| {side,-34} | {rate,9:F0} | {Stats.Percentile(ms, 50),8:F1} | {Stats.Percentile(ms, 95),8:F1} |";

    /// <summary>Publishes the workflow on the first host, creates <paramref name="events"/> leads spread over the hosts, waits for every run.</summary>
    private static async Task<Result> MeasureAsync(IReadOnlyList<BenchHost> hosts, int events, int concurrency)
    {
        var account = await hosts[0].RegisterAsync("Bench workflows");
        using var admin = hosts[0].Http(account.Token);
        var draft = JsonNode.Parse(await (await admin.PostAsJsonAsync("/api/v1/workflows", new { name = "Bench", graph = Graph })).EnsureSuccessStatusCode().Content.ReadAsStringAsync())!;
        (await admin.PostAsync($"/api/v1/workflows/{draft["id"]}/publish", null)).EnsureSuccessStatusCode();
        var clients = hosts.Select(h => h.Http(account.Token)).ToList();
        // A few leads first so both sides are warm (JIT, caches) before the measured ones.
        for (var i = 0; i < 10; i++) (await clients[i % clients.Count].PostAsJsonAsync("/api/v1/leads", new { name = $"Warm {i}", value = 5000 })).EnsureSuccessStatusCode();
        await WaitForStepsAsync(hosts[0], account.TenantId, 10, TimeSpan.FromSeconds(60));

        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, events), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            (await clients[i % clients.Count].PostAsJsonAsync("/api/v1/leads", new { name = $"Bench {i}", value = 5000 }, ct)).EnsureSuccessStatusCode());
        await WaitForStepsAsync(hosts[0], account.TenantId, events + 10, TimeSpan.FromSeconds(Math.Max(120, events / 5)));
        foreach (var client in clients) client.Dispose();

        await using var scope = hosts[0].Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var measured = await (
            from step in db.WorkflowRunSteps.IgnoreQueryFilters()
            join run in db.WorkflowRuns.IgnoreQueryFilters() on step.RunId equals run.Id
            join lead in db.Leads.IgnoreQueryFilters() on run.LeadId equals lead.Id
            where step.TenantId == account.TenantId && step.NodeId == "set" && lead.CreatedAt >= started
            select new { lead.CreatedAt, step.StartedAt, step.DurationMs }).ToListAsync();
        var latency = measured.Select(m => (m.StartedAt - m.CreatedAt).TotalMilliseconds + m.DurationMs).ToList();
        var stages = await StagesAsync(db, account.TenantId, started);
        var last = measured.Max(m => m.StartedAt.AddMilliseconds(m.DurationMs));
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, (last - started).TotalSeconds);

        var single = new List<double>();
        using var one = hosts[0].Http(account.Token);
        for (var i = 0; i < OneAtATime; i++)
        {
            var lead = JsonNode.Parse(await (await one.PostAsJsonAsync("/api/v1/leads", new { name = $"One {i}", value = 5000 })).EnsureSuccessStatusCode().Content.ReadAsStringAsync())!;
            await WaitForStepsAsync(hosts[0], account.TenantId, events + 11 + i, TimeSpan.FromSeconds(60));
            var leadId = Guid.Parse((string)lead["id"]!);
            var row = await (
                from step in db.WorkflowRunSteps.IgnoreQueryFilters()
                join run in db.WorkflowRuns.IgnoreQueryFilters() on step.RunId equals run.Id
                join l in db.Leads.IgnoreQueryFilters() on run.LeadId equals l.Id
                where l.Id == leadId && step.NodeId == "set"
                select new { l.CreatedAt, step.StartedAt, step.DurationMs }).SingleAsync();
            single.Add((row.StartedAt - row.CreatedAt).TotalMilliseconds + row.DurationMs);
        }
        return new Result(measured.Count, seconds, latency, single, stages);
    }

    /// <summary>Per measured lead: commit → its lead.created event dispatched → run row started → set_field step finished.</summary>
    private static async Task<Dictionary<string, List<double>>> StagesAsync(CrmDbContext db, Guid tenantId, DateTime started)
    {
        var rows = await (
            from lead in db.Leads.IgnoreQueryFilters()
            join e in db.Events.IgnoreQueryFilters() on lead.Id equals e.LeadId
            join run in db.WorkflowRuns.IgnoreQueryFilters() on lead.Id equals run.LeadId
            join step in db.WorkflowRunSteps.IgnoreQueryFilters() on run.Id equals step.RunId
            where lead.TenantId == tenantId && lead.CreatedAt >= started && e.Type == "lead.created" && step.NodeId == "set"
            select new { lead.CreatedAt, e.DispatchedAt, RunStarted = run.StartedAt, step.StartedAt, step.DurationMs }).ToListAsync();
        return new Dictionary<string, List<double>>
        {
            ["lead committed → event handed off"] = rows.Select(r => ((r.DispatchedAt ?? r.CreatedAt) - r.CreatedAt).TotalMilliseconds).ToList(),
            ["event handed off → run created"] = rows.Select(r => (r.RunStarted - (r.DispatchedAt ?? r.CreatedAt)).TotalMilliseconds).ToList(),
            ["run created → set_field finished"] = rows.Select(r => (r.StartedAt - r.RunStarted).TotalMilliseconds + r.DurationMs).ToList(),
        };
    }

    private static async Task WaitForStepsAsync(BenchHost host, Guid tenantId, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using (var scope = host.Services.CreateAsyncScope())
            await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
            {
                var done = await db.WorkflowRunSteps.IgnoreQueryFilters().CountAsync(s => s.TenantId == tenantId && s.NodeId == "set" && s.Status == "completed");
                if (done >= count) return;
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{done} of {count} set_field steps after {timeout}.");
            }
            await Task.Delay(50);
        }
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
