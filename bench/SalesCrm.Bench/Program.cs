namespace SalesCrm.Bench;

/// <summary>Prints p50/p95 figures for the lead list, the board, pushes and webhooks against baselines measured in the same run.</summary>
public static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        // dotnet run -c Release --project bench/SalesCrm.Bench -- [--provider sqlite|postgres] [--only leads,board,push,webhooks,ingest,home,voice,copilot,retrieval,knowledge,analytics,reports,moved,workflow-validation,workflows] [--verbose] [--chunks 100000] [--vectors]
        //   [--questions main|heldout|all] (retrieval: which labelled set)
        //   [--leads 100000] [--board-leads 2000] [--report-leads 2000] [--requests 200] [--runs 3] [--renders 5] [--moves 100] [--events 2000] [--concurrency 8] [--no-n8n] [--keep]
        var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--") && x.i + 1 < args.Length && int.TryParse(args[x.i + 1], out _)).ToDictionary(x => x.a[2..], x => int.Parse(args[x.i + 1]));
        string? Text(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        var leadCount = options.GetValueOrDefault("leads", 100_000);
        var boardLeads = options.GetValueOrDefault("board-leads", 2_000);
        var requests = options.GetValueOrDefault("requests", 200);
        var runs = options.GetValueOrDefault("runs", 3);
        var moves = options.GetValueOrDefault("moves", 100);
        var renders = options.GetValueOrDefault("renders", 5);
        var webhookCount = options.GetValueOrDefault("webhooks", 2_000);
        var parts = (Text("only") ?? (args.Contains("--only-webhooks") ? "webhooks" : args.Contains("--only-home") ? "home" : "leads,board,push,webhooks")).Split(',');
        string? postgres = null;
        if (string.Equals(Text("provider"), "postgres", StringComparison.OrdinalIgnoreCase))
        {
            postgres = Environment.GetEnvironmentVariable(BenchHost.PostgresVariable);
            if (string.IsNullOrWhiteSpace(postgres)) throw new InvalidOperationException($"--provider postgres needs {BenchHost.PostgresVariable} (a connection string to a server; the bench creates and drops its own database).");
        }

        if (parts.SequenceEqual(["copilot"]))
        {
            // Its own hosts (one without a chat model, one with the local stub); SQLite.
            var copilotRows = new List<string>();
            var copilotNotes = new List<string>();
            await CopilotBench.RunAsync(RepoRoot(), requests, runs, renders, Text("screenshots"), copilotRows, copilotNotes);
            Print(copilotRows, copilotNotes);
            return;
        }
        if (parts.SequenceEqual(["workflow-validation"]))
        {
            // In process, no host: the graph validator alone.
            var validationRows = new List<string>();
            var validationNotes = new List<string>();
            WorkflowValidationBench.Run(runs, validationRows, validationNotes);
            Print(validationRows, validationNotes);
            return;
        }
        if (parts.SequenceEqual(["workflows"]))
        {
            // Its own hosts (SQLite; two on PostgreSQL with SALESCRM_BENCH_POSTGRES) and n8n as a child process.
            var workflowRows = new List<string>();
            var workflowNotes = new List<string>();
            await WorkflowsBench.RunAsync(options.GetValueOrDefault("events", 2_000), options.GetValueOrDefault("concurrency", 8), workflowRows, workflowNotes,
                withN8n: !args.Contains("--no-n8n"));
            Print(workflowRows, workflowNotes);
            return;
        }
        if (parts.SequenceEqual(["moved"]))
        {
            // Its own hosts: one instance, then two on one PostgreSQL database and one Redis.
            var movedRows = new List<string>();
            var movedNotes = new List<string>();
            await MovedBench.RunAsync(moves, movedRows, movedNotes);
            Print(movedRows, movedNotes);
            return;
        }
        if (parts.SequenceEqual(["ingest"]))
        {
            // One and two instances on one PostgreSQL database (SALESCRM_BENCH_POSTGRES); its own hosts.
            var server = postgres ?? Environment.GetEnvironmentVariable(BenchHost.PostgresVariable)
                ?? throw new InvalidOperationException($"--only ingest needs {BenchHost.PostgresVariable} (a PostgreSQL server).");
            var ingestNotes = new List<string>();
            await IngestBench.RunAsync(server, options.GetValueOrDefault("webhooks", 2_000), ingestNotes);
            Print([], ingestNotes);
            return;
        }
        var ackOnly = args.Contains("--ack-only");
        var processProbe = args.Contains("--process-probe");
        await using var graph = WebhookBench.GraphStub(out var graphUrl);
        // The retrieval bench measures the vector signal with the offline MiniLM model; --vectors adds it to the knowledge latency bench.
        // Comparing option sets (--variant) leaves the vectors out, so no embedding job competes for the CPU.
        var embeddings = (parts.Contains("retrieval") && !args.Contains("--variant") && !args.Contains("--feedback")) || args.Contains("--vectors")
            ? new Dictionary<string, string> { ["Knowledge:Embeddings:Provider"] = "minilm" } : new Dictionary<string, string>();
        await using var host = new BenchHost(graphUrl, processing: !ackOnly && !processProbe, postgres) { Keep = args.Contains("--keep"), Settings = embeddings };
        host.Start();
        Console.WriteLine($"SalesCrm benchmark on {Environment.ProcessorCount} cores, {host.ProviderName}, {host.BaseUrl}");
        var rows = new List<string>();
        var notes = new List<string>();
        if (args.Contains("--probe")) await WebhookBench.ProbeAsync(host, webhookCount, notes);
        else if (processProbe) await WebhookBench.ProcessProbeAsync(host, webhookCount, notes);
        else
        {
            if (parts.Contains("leads")) await LeadListBench.RunAsync(host, leadCount, requests, runs, rows, notes);
            if (parts.Contains("board")) await BoardBench.RunAsync(host, boardLeads, renders, runs, rows, notes);
            if (parts.Contains("push")) await PushBench.RunAsync(host, moves, rows, notes);
            if (parts.Contains("webhooks")) await WebhookBench.RunAsync(host, webhookCount, rows, notes, waitForLeads: !ackOnly);
            if (parts.Contains("home")) await HomeBench.RunAsync(host, leadCount, requests, rows);
            if (parts.Contains("analytics")) await AnalyticsBench.RunAsync(host, leadCount, requests, runs, rows, notes);
            if (parts.Contains("reports")) await ReportsBench.RunAsync(host, options.GetValueOrDefault("report-leads", 2_000), renders, runs, rows, notes);
            if (parts.Contains("voice")) await VoiceBench.RunAsync(host, requests, rows, notes);
            if (parts.Contains("knowledge")) await KnowledgeLatencyBench.RunAsync(host, RepoRoot(), options.GetValueOrDefault("chunks", 100_000), requests, runs, rows, notes);
            if (parts.Contains("retrieval")) await KnowledgeRetrievalBench.RunAsync(host, RepoRoot(), notes, args.Contains("--verbose"), Text("questions") ?? "main",
                args.Select((a, i) => (a, i)).Where(x => x.a == "--variant" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList(),
                    feedbackOnly: args.Contains("--feedback"));
        }
        Print(rows, notes);
        if (host.Keep) Console.WriteLine($"Kept: {host.Location}");
        // --hold N: the app stays up N seconds more at its URL, to time it with other tools (a browser script, curl).
        if (options.GetValueOrDefault("hold", 0) is > 0 and var hold)
        {
            Console.WriteLine($"Holding {host.BaseUrl} for {hold} s");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesCrm.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmark from the repository.");
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
