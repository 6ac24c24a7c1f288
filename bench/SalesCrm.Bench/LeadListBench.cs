using System.Diagnostics;

namespace SalesCrm.Bench;

/// <summary>
/// <c>GET /api/v1/leads</c> at scale: a typical filter + order + limit 50 (as the owner and as a sales rep whose
/// visibility is own) and text searches, each against the same request on a 500-lead workspace and a bare endpoint,
/// measured in the same run. Every request is timed <c>requests</c> times per run, in <c>runs</c> rounds taking turns.
/// </summary>
public static class LeadListBench
{
    public const string Typical = "/api/v1/leads?status=eq.open&priority=in.(high,urgent)&value=gte.1000&order=updated_at.desc&limit=50";
    public const string SearchName = "/api/v1/leads?q=silva&order=created_at.desc&limit=50";
    public const string SearchPhone = "/api/v1/leads?q=7078&order=created_at.desc&limit=50";

    public static async Task RunAsync(BenchHost host, int leadCount, int requests, int runs, List<string> rows, List<string> notes)
    {
        var big = await host.RegisterAsync("Bench 100k");
        var small = await host.RegisterAsync("Bench small");
        // Three sales reps (visibility own) share the big workspace's leads with its owner.
        var reps = new List<BenchHost.Account>();
        for (var i = 0; i < 3; i++) reps.Add(await host.AddMemberAsync(big, "sales_rep", $"Bench Rep {i}"));
        var seed = Stopwatch.StartNew();
        await host.SeedAsync(big, leadCount, openOnly: false, interactionsPerLead: 1, owners: [big, .. reps]);
        await host.SeedAsync(small, 500, openOnly: false, interactionsPerLead: 1);
        await host.AnalyzeAsync();
        Console.WriteLine($"Seeded {leadCount:N0} leads (+ interactions, activities) in {seed.Elapsed.TotalSeconds:F0} s");

        var bigClient = host.Http(big.Token);
        var repClient = host.Http(reps[0].Token);
        var smallClient = host.Http(small.Token);
        var measurements = new (string Name, HttpClient Client, string Url)[]
        {
            ($"GET /leads filter+order+limit 50 @ {leadCount:N0} leads", bigClient, Typical),
            ($"  same, as a sales rep (visibility own, ~{leadCount / 4:N0} leads)", repClient, Typical),
            ("  same query @ 500 leads (baseline)", smallClient, Typical),
            ($"GET /leads?q=silva (text search) @ {leadCount:N0} leads", bigClient, SearchName),
            ($"GET /leads?q=7078 (phone digits) @ {leadCount:N0} leads", bigClient, SearchPhone),
            ("  q=silva @ 500 leads (baseline)", smallClient, SearchName),
            ("  GET /health (bare endpoint baseline)", host.Http(), "/health"),
        };
        var samples = measurements.Select(_ => new List<IReadOnlyList<double>>()).ToArray();
        for (var run = 0; run < runs; run++)
        {
            for (var m = 0; m < measurements.Length; m++) samples[m].Add(await TimeAsync(measurements[m].Client, measurements[m].Url, requests));
        }
        for (var m = 0; m < measurements.Length; m++) rows.Add(Stats.Row(measurements[m].Name, samples[m]));
        double Median(int m) => Stats.MedianOf(samples[m], 50);
        notes.Add($"Ratios (median p50): list @ {leadCount:N0} / @ 500 = {Median(0) / Median(2):F1}×; as a rep / as the owner = {Median(1) / Median(0):F1}×; " +
                  $"q=silva @ {leadCount:N0} / @ 500 = {Median(3) / Median(5):F1}×; q=silva / list @ {leadCount:N0} = {Median(3) / Median(0):F1}×");
    }

    /// <summary>Ten warm-up requests, then <paramref name="n"/> timed ones (body read included), in milliseconds.</summary>
    public static async Task<IReadOnlyList<double>> TimeAsync(HttpClient client, string url, int n)
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
}
