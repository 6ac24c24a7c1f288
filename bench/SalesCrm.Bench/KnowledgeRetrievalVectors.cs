using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Bench;

/// <summary>
/// The vector signal on the labelled set, when the host runs an embedding model (the bench configures MiniLM): the
/// embedding throughput (every chunk of the workspace embedded again by the background job), vectors alone, and the
/// default fusion with vectors at a few weights, over all questions and over the Portuguese ones.
/// </summary>
internal static class KnowledgeRetrievalVectors
{
    private static readonly double[] Weights = [0.25, 0.5, 1.0, 2.0];

    public static async Task RunAsync(BenchHost host, BenchHost.Account account, List<KnowledgeRetrievalBench.Question> questions,
        Dictionary<Guid, string> documents, List<string> notes)
    {
        var model = host.Services.GetRequiredService<KnowledgeEmbeddingModel>();
        if (!model.Configured)
        {
            notes.Add("  vector signal: not measured (Knowledge:Embeddings:Provider is none)");
            return;
        }
        var label = model.Options.Provider.Equals("minilm", StringComparison.OrdinalIgnoreCase) ? "MiniLM" : model.Name;
        await EmbeddedAsync(host, account);
        var sw = Stopwatch.StartNew();
        var started = await KnowledgeBenchScope.AsAsync(host, account, sp => sp.GetRequiredService<KnowledgeEmbeddingService>().GenerateAsync(regenerate: true));
        var done = await EmbeddedAsync(host, account);
        notes.Add($"  embedding ({label}, background job, batches of {model.Options.BatchSize}): {done.Total} chunks in {sw.Elapsed.TotalSeconds:F1} s = {done.Total / sw.Elapsed.TotalSeconds:F1} chunks/s ({started.Pending} pending at the start)");

        var portuguese = questions.Where(q => q.Language == "pt-BR").ToList();
        var noFeedback = new KnowledgeSearchOptions { UseFeedback = false };
        var modes = new List<(string Name, KnowledgeSearchOptions Options, bool Vectors)>
        {
            ($"vectors only ({label})", new KnowledgeSearchOptions { LexicalWeight = 0, TrigramWeight = 0, DocumentWeight = 0, LanguageBoost = 1, UseFeedback = false }, true),
            ("default (no vectors)", noFeedback, false),
        };
        modes.AddRange(Weights.Select(w => (w == noFeedback.VectorWeight ? $"default + vectors ({label})" : $"  default + vectors ({label}), vector weight {w:0.##}",
            new KnowledgeSearchOptions { UseFeedback = false, VectorWeight = w }, true)));
        foreach (var (name, options, vectors) in modes)
        {
            var ranks = new List<(KnowledgeRetrievalBench.Question, int)>();
            foreach (var q in questions) ranks.Add((q, await KnowledgeRetrievalBench.RankAsync(host, account, options, q, documents, vectors)));
            notes.Add(KnowledgeRetrievalBench.Line(name, ranks));
            notes.Add("    " + KnowledgeRetrievalBench.Line("pt-BR questions", ranks.Where(r => portuguese.Contains(r.Item1)).ToList()));
        }
    }

    private static async Task<KnowledgeEmbeddingProgress> EmbeddedAsync(BenchHost host, BenchHost.Account account)
    {
        while (true)
        {
            var progress = await KnowledgeBenchScope.AsAsync(host, account, sp => sp.GetRequiredService<KnowledgeEmbeddingService>().ProgressAsync());
            if (progress.Pending == 0) return progress;
            if (progress.LastError is { } error) Console.WriteLine($"embedding: {error}; retrying");
            await Task.Delay(200);
        }
    }
}
