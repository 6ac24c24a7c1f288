using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace SalesCrm.Bench;

/// <summary>
/// Stage move through instance 1's API → <c>LeadMoved</c> at a SignalR client of instance 2, two in-process instances on
/// one PostgreSQL database and one Redis (ADR 046); the same on one instance without Redis as the baseline.
/// <c>--only moved [--moves 200]</c> with <c>SALESCRM_BENCH_POSTGRES</c> and <c>SALESCRM_BENCH_REDIS</c>.
/// </summary>
public static class MovedBench
{
    public const string RedisVariable = "SALESCRM_BENCH_REDIS";
    private const int WarmUp = 5;

    public static async Task RunAsync(int moves, List<string> rows, List<string> notes)
    {
        var postgres = Environment.GetEnvironmentVariable(BenchHost.PostgresVariable);
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        if (string.IsNullOrWhiteSpace(postgres) || string.IsNullOrWhiteSpace(redis))
            throw new InvalidOperationException($"--only moved needs {BenchHost.PostgresVariable} and {RedisVariable}.");
        Console.WriteLine($"SalesCrm moved benchmark on {Environment.ProcessorCount} cores, PostgreSQL + Redis {redis}, {moves} moves");
        notes.Add($"Load average at the start: {LoadAverage()}");

        List<double> singlePush;
        await using (var single = new BenchHost(postgresServer: postgres))
        {
            single.Start();
            var (push, patch) = await MeasureAsync(single, single, moves);
            singlePush = push;
            rows.Add(Stats.Row("one instance: PATCH …/stage → its client gets LeadMoved", push));
            rows.Add(Stats.Row("  one instance: PATCH …/stage round trip", patch));
        }

        var scale = new Dictionary<string, string> { ["Scale:Redis"] = redis, ["Scale:RedisPrefix"] = $"salescrm-bench:{Guid.NewGuid():N}:" };
        await using var first = new BenchHost(postgresServer: postgres) { Settings = scale };
        first.Start();
        // The second instance on the first one's database (it migrated it; the start-up lock makes the second wait).
        await using var second = new BenchHost
        {
            Settings = new Dictionary<string, string>(scale) { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Crm"] = first.PostgresConnectionString! },
        };
        second.Start();
        var (across, acrossPatch) = await MeasureAsync(first, second, moves);
        rows.Add(Stats.Row("two instances: PATCH on 1 → client on 2 gets LeadMoved", across));
        rows.Add(Stats.Row("  two instances: PATCH …/stage round trip on 1", acrossPatch));
        notes.Add($"Cross-instance push p50 / one-instance push p50 = {Stats.Percentile(across, 50) / Stats.Percentile(singlePush, 50):F2}×");
        notes.Add($"Load average at the end: {LoadAverage()}");
    }

    /// <summary>Moves a lead back and forth through <paramref name="api"/>'s API; times each until <paramref name="listener"/>'s hub client hears it.</summary>
    private static async Task<(List<double> Push, List<double> Patch)> MeasureAsync(BenchHost api, BenchHost listener, int moves)
    {
        var board = await api.RegisterAsync("Bench moved");
        var received = new ConcurrentDictionary<int, long>();
        string? watchedLead = null;
        await using var watcher = new HubConnectionBuilder()
            .WithUrl($"{listener.BaseUrl}/hubs/pipeline", o => o.AccessTokenProvider = () => Task.FromResult<string?>(board.Token)).Build();
        watcher.On<JsonElement>("LeadMoved", data =>
        {
            if (data.GetProperty("lead_id").GetString() == watchedLead) received[data.GetProperty("version").GetInt32()] = Stopwatch.GetTimestamp();
        });
        await watcher.StartAsync();
        using var client = api.Http(board.Token);
        var pipelines = JsonNode.Parse(await client.GetStringAsync("/api/v1/pipelines"))!;
        var stageIds = pipelines["items"]![0]!["stages"]!.AsArray().Take(2).Select(s => (string)s!["id"]!).ToArray();
        var lead = JsonNode.Parse(await (await client.PostAsJsonAsync("/api/v1/leads", new { name = "Bench mover", stage_id = stageIds[0] })).Content.ReadAsStringAsync())!;
        watchedLead = (string)lead["id"]!;
        var version = (int)lead["version"]!;
        var push = new List<double>();
        var patch = new List<double>();
        for (var i = 0; i < moves + WarmUp; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var response = await client.PatchAsJsonAsync($"/api/v1/leads/{watchedLead}/stage", new { stage_id = stageIds[(i + 1) % 2], expected_version = version });
            var patched = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            version = (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!;
            var deadline = Stopwatch.StartNew();
            while (!received.ContainsKey(version) && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(1);
            if (!received.TryGetValue(version, out var arrived)) throw new InvalidOperationException($"LeadMoved for version {version} never arrived");
            if (i < WarmUp) continue;
            push.Add(Stopwatch.GetElapsedTime(start, arrived).TotalMilliseconds);
            patch.Add(patched);
        }
        await watcher.StopAsync();
        return (push, patch);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
