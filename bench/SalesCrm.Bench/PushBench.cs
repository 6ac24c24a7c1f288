using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace SalesCrm.Bench;

/// <summary>Delay from <c>PATCH …/stage</c> until a second SignalR client receives <c>LeadMoved</c>, against the PATCH round trip.</summary>
public static class PushBench
{
    public static async Task RunAsync(BenchHost host, int moves, List<string> rows, List<string> notes)
    {
        var board = await host.RegisterAsync("Bench push");
        var received = new ConcurrentDictionary<int, long>();
        await using var watcher = new HubConnectionBuilder().WithUrl($"{host.BaseUrl}/hubs/pipeline", o => o.AccessTokenProvider = () => Task.FromResult<string?>(board.Token)).Build();
        string? watchedLead = null;
        watcher.On<JsonElement>("LeadMoved", data =>
        {
            if (data.GetProperty("lead_id").GetString() == watchedLead) received[data.GetProperty("version").GetInt32()] = Stopwatch.GetTimestamp();
        });
        await watcher.StartAsync();
        var client = host.Http(board.Token);
        var pipelines = JsonNode.Parse(await client.GetStringAsync("/api/v1/pipelines"))!;
        var stageIds = pipelines["items"]![0]!["stages"]!.AsArray().Take(2).Select(s => (string)s!["id"]!).ToArray();
        var lead = JsonNode.Parse(await (await client.PostAsJsonAsync("/api/v1/leads", new { name = "Bench mover", stage_id = stageIds[0] })).Content.ReadAsStringAsync())!;
        watchedLead = (string)lead["id"]!;
        var version = (int)lead["version"]!;
        var pushDelays = new List<double>();
        var patchTimes = new List<double>();
        for (var i = 0; i < moves + 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var response = await client.PatchAsJsonAsync($"/api/v1/leads/{watchedLead}/stage", new { stage_id = stageIds[(i + 1) % 2], expected_version = version });
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
        notes.Add($"Ratio (p50): push delay / PATCH round trip = {Stats.Percentile(pushDelays, 50) / Stats.Percentile(patchTimes, 50):F2}×");
    }
}
