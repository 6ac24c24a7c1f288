using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Bench;

/// <summary>
/// Retrieval quality on the labelled set (bench/SalesCrm.Bench/Retrieval): the demo playbook plus distractor documents in
/// one workspace, every question searched, the rank of its expected document (first chunk of it among the hits) turned
/// into recall@1, recall@5 and MRR, for the full-text signal alone, the fusion, and the fusion with feedback.
/// `--questions main|heldout|all` picks the labelled set (questions.json, heldout.json written blind, or both; main by default).
/// Feedback is measured honestly in two folds: while one half of the questions is asked, the rep rates the top answer
/// (up when it is from the expected document, down when not); then the other half is measured; the figure is over both
/// halves.
/// </summary>
public static class KnowledgeRetrievalBench
{
    internal sealed record Question(string Id, string Language, [property: System.Text.Json.Serialization.JsonPropertyName("question")] string Text, string Expected, string Kind);

    /// <summary>The labelled sets `--questions` chooses from: the main set the search was developed against, and the held-out set written blind.</summary>
    private static readonly Dictionary<string, string[]> QuestionSets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["main"] = ["questions.json"],
        ["heldout"] = ["heldout.json"],
        ["all"] = ["questions.json", "heldout.json"],
    };

    /// <summary>Runs every mode over the question set named by <paramref name="questionSet"/> (`main`, `heldout` or `all`; unknown names throw <see cref="ArgumentException"/>).</summary>
    /// <param name="feedbackOnly">Only the two-fold feedback rows (`--feedback`), for the defaults and each `--variant`.</param>
    public static async Task RunAsync(BenchHost host, string repo, List<string> notes, bool verbose, string questionSet = "main", IReadOnlyList<string>? variants = null,
        bool feedbackOnly = false)
    {
        if (!QuestionSets.TryGetValue(questionSet, out var questionFiles))
            throw new ArgumentException($"--questions {questionSet}: expected one of {string.Join(", ", QuestionSets.Keys)}.", nameof(questionSet));
        var account = await host.RegisterAsync("Bench retrieval");
        var playbook = Path.Combine(repo, "src", "SalesCrm.Web", "Features", "Demo", "Playbook");
        var retrieval = Path.Combine(repo, "bench", "SalesCrm.Bench", "Retrieval");
        var documents = new Dictionary<Guid, string>();
        var files = Directory.GetFiles(playbook, "*.md").Concat(Directory.GetFiles(Path.Combine(retrieval, "distractors"), "*.md")).Order().ToList();
        foreach (var file in files)
        {
            var input = KnowledgeMarkdownFile.Parse(await File.ReadAllTextAsync(file), Path.GetFileName(file));
            var created = await KnowledgeBenchScope.AsAsync(host, account, sp => sp.GetRequiredService<KnowledgeDocumentService>().CreateAsync(input));
            documents[created.Id] = Path.GetFileName(file);
        }
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNameCaseInsensitive = true };
        var questions = new List<Question>();
        foreach (var file in questionFiles)
            questions.AddRange(JsonSerializer.Deserialize<List<Question>>(await File.ReadAllTextAsync(Path.Combine(retrieval, file)), json)!);
        notes.Add($"Retrieval ({host.ProviderName}): question set {questionSet.ToLowerInvariant()} ({string.Join(" + ", questionFiles)}), {questions.Count} questions, {files.Count} documents ({Directory.GetFiles(playbook, "*.md").Length} playbook + distractors).");

        var modes = new (string Name, KnowledgeSearchOptions Options)[]
        {
            ("full text only (FTS5 BM25 / tsvector, analysed terms)", new KnowledgeSearchOptions { TrigramWeight = 0, DocumentWeight = 0, LanguageBoost = 1, CorrectSpelling = false, CoverageWeight = 0, UseFeedback = false }),
            ("trigram only", new KnowledgeSearchOptions { LexicalWeight = 0, DocumentWeight = 0, LanguageBoost = 1, CorrectSpelling = false, CoverageWeight = 0, UseFeedback = false }),
            ("fusion: full text + trigram (RRF)", new KnowledgeSearchOptions { DocumentWeight = 0, LanguageBoost = 1, CorrectSpelling = false, CoverageWeight = 0, UseFeedback = false }),
            ("  + the question's language preferred", new KnowledgeSearchOptions { DocumentWeight = 0, CorrectSpelling = false, CoverageWeight = 0, UseFeedback = false }),
            ("  + chunk → document aggregation", new KnowledgeSearchOptions { CorrectSpelling = false, CoverageWeight = 0, UseFeedback = false }),
            ("  + misspellings corrected", new KnowledgeSearchOptions { CoverageWeight = 0, UseFeedback = false }),
            ("  + query coverage (second stage) = fusion (defaults)", new KnowledgeSearchOptions { UseFeedback = false }),
        };
        if (feedbackOnly)
        {
            foreach (var (name, options) in new[] { ("defaults", new KnowledgeSearchOptions()) }.Concat((variants ?? []).Select(ParseVariant)))
            {
                options.UseFeedback = true;
                var (withFeedback, without) = await FeedbackFoldsAsync(host, account, questions, documents, options);
                notes.Add(Line($"{name}: fusion + feedback (2 folds)", withFeedback));
                notes.Add(Line($"{name}:   fusion on the same questions", without));
            }
            return;
        }
        if (variants is { Count: > 0 })
        {
            // Per-question lines only for the main set: the held-out set is read as figures, never question by question.
            await CompareAsync(host, account, questions, documents, variants, notes, verbose && questionSet.Equals("main", StringComparison.OrdinalIgnoreCase));
            return;
        }
        foreach (var (name, options) in modes)
        {
            var ranks = new List<(Question Q, int Rank)>();
            var tops = new Dictionary<string, string>();
            foreach (var q in questions)
            {
                var (rank, top) = await RankWithTopAsync(host, account, options, q, documents);
                ranks.Add((q, rank));
                tops[q.Id] = top;
            }
            notes.Add(Line(name, ranks));
            if (verbose && name.EndsWith("(defaults)", StringComparison.Ordinal))
                foreach (var (q, rank) in ranks.Where(r => r.Rank != 1)) notes.Add($"    miss {q.Id} [{q.Kind}] rank {rank}: {q.Text} → {q.Expected}; got {tops[q.Id]}");
            if (name.EndsWith("(defaults)", StringComparison.Ordinal)) notes.AddRange(ranks.GroupBy(r => r.Q.Kind).Select(g => "    " + Line(g.Key, g.ToList())));
        }

        // Fusion + feedback, two folds.
        var (feedbackRanks, fusionRanks) = await FeedbackFoldsAsync(host, account, questions, documents, new KnowledgeSearchOptions());
        notes.Add(Line("fusion + feedback (2 folds: rated on one half, measured on the other)", feedbackRanks));
        notes.Add(Line("  fusion on the same questions", fusionRanks));
        await KnowledgeRetrievalVectors.RunAsync(host, account, questions, documents, notes);
    }

    /// <summary>
    /// Feedback measured in two folds: the rep rates the top answer of one half of the questions (up when it is from the
    /// expected document, down when not, with the question), then the other half is ranked with and without feedback.
    /// </summary>
    private static async Task<(List<(Question, int)> WithFeedback, List<(Question, int)> Without)> FeedbackFoldsAsync(BenchHost host, BenchHost.Account account,
        List<Question> questions, Dictionary<Guid, string> documents, KnowledgeSearchOptions options)
    {
        var feedbackRanks = new List<(Question, int)>();
        var fusionRanks = new List<(Question, int)>();
        var without = Clone(options);
        without.UseFeedback = false;
        foreach (var fold in new[] { 0, 1 })
        {
            await ResetFeedbackAsync(host, account);
            var train = questions.Where((_, i) => i % 2 == fold).ToList();
            var test = questions.Where((_, i) => i % 2 != fold).ToList();
            foreach (var q in train) await RateAsync(host, account, q, documents, options);
            foreach (var q in test)
            {
                feedbackRanks.Add((q, await RankAsync(host, account, options, q, documents)));
                fusionRanks.Add((q, await RankAsync(host, account, without, q, documents)));
            }
        }
        return (feedbackRanks, fusionRanks);
    }

    private static KnowledgeSearchOptions Clone(KnowledgeSearchOptions o)
    {
        var copy = new KnowledgeSearchOptions();
        foreach (var p in typeof(KnowledgeSearchOptions).GetProperties().Where(p => p.CanWrite)) p.SetValue(copy, p.GetValue(o));
        return copy;
    }

    /// <summary>
    /// <c>--variant "name:Option=value,Option=value"</c> (repeatable): the defaults and each variant of
    /// <see cref="KnowledgeSearchOptions"/>, with the questions a variant wins or loses against the defaults (verbose).
    /// </summary>
    private static async Task CompareAsync(BenchHost host, BenchHost.Account account, List<Question> questions, Dictionary<Guid, string> documents,
        IReadOnlyList<string> variants, List<string> notes, bool verbose)
    {
        var baseline = new List<(Question Q, int Rank)>();
        foreach (var q in questions) baseline.Add((q, await RankAsync(host, account, new KnowledgeSearchOptions { UseFeedback = false }, q, documents)));
        notes.Add(Line("defaults", baseline));
        foreach (var variant in variants)
        {
            var (name, options) = ParseVariant(variant);
            var ranks = new List<(Question Q, int Rank)>();
            foreach (var q in questions) ranks.Add((q, await RankAsync(host, account, options, q, documents)));
            var won = ranks.Zip(baseline).Count(p => p.First.Rank == 1 && p.Second.Rank != 1);
            var lost = ranks.Zip(baseline).Count(p => p.First.Rank != 1 && p.Second.Rank == 1);
            notes.Add(Line(name, ranks) + $"  +{won} -{lost}");
            if (!verbose) continue;
            foreach (var ((q, rank), (_, before)) in ranks.Zip(baseline).Where(p => (p.First.Rank == 1) != (p.Second.Rank == 1)))
                notes.Add($"    {(rank == 1 ? "won " : "lost")} {q.Id} [{q.Kind}] {before} → {rank}: {q.Text} → {q.Expected}");
        }
    }

    private static (string Name, KnowledgeSearchOptions Options) ParseVariant(string variant)
    {
        var colon = variant.IndexOf(':');
        var options = new KnowledgeSearchOptions { UseFeedback = false };
        foreach (var pair in variant[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            var property = typeof(KnowledgeSearchOptions).GetProperty(key) ?? throw new ArgumentException($"No search option {key}.");
            property.SetValue(options, Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        }
        return (colon > 0 ? variant[..colon] : variant, options);
    }

    internal static string Line(string name, IReadOnlyList<(Question Q, int Rank)> ranks)
    {
        double n = ranks.Count;
        var r1 = ranks.Count(r => r.Rank == 1) / n;
        var r5 = ranks.Count(r => r.Rank is >= 1 and <= 5) / n;
        var mrr = ranks.Sum(r => r.Rank > 0 ? 1.0 / r.Rank : 0) / n;
        return $"  {name,-70} recall@1 {r1:0.000}  recall@5 {r5:0.000}  MRR {mrr:0.000}  (n={ranks.Count})";
    }

    /// <summary>1-based rank of the expected document among the distinct documents of the hits, 0 when absent.</summary>
    private static async Task<(int Rank, string Top)> RankWithTopAsync(BenchHost host, BenchHost.Account account, KnowledgeSearchOptions options, Question q, Dictionary<Guid, string> documents)
    {
        var hits = await KnowledgeBenchScope.AsAsync(host, account, sp => KnowledgeBenchScope.Search(sp, options).SearchAsync(new KnowledgeSearchRequest(q.Text, Limit: 50)));
        var seen = hits.Select(h => h.DocumentId).Distinct().Select(id => documents[id]).ToList();
        return (seen.IndexOf(q.Expected) + 1, string.Join(", ", seen.Take(2)));
    }

    internal static async Task<int> RankAsync(BenchHost host, BenchHost.Account account, KnowledgeSearchOptions options, Question q, Dictionary<Guid, string> documents,
        bool vectors = false)
    {
        var hits = await KnowledgeBenchScope.AsAsync(host, account, sp => KnowledgeBenchScope.Search(sp, options, vectors).SearchAsync(new KnowledgeSearchRequest(q.Text, Limit: 50)));
        var seen = hits.Select(h => h.DocumentId).Distinct().Select(id => documents[id]).ToList();
        return seen.IndexOf(q.Expected) + 1;
    }

    private static async Task RateAsync(BenchHost host, BenchHost.Account account, Question q, Dictionary<Guid, string> documents, KnowledgeSearchOptions options)
    {
        await KnowledgeBenchScope.AsAsync(host, account, async sp =>
        {
            var search = KnowledgeBenchScope.Search(sp, options);
            var top = (await search.SearchAsync(new KnowledgeSearchRequest(q.Text, Limit: 1))).FirstOrDefault();
            if (top is null) return 0;
            await search.RecordFeedbackAsync([top.ChunkId], positive: documents[top.DocumentId] == q.Expected, question: q.Text);
            return 0;
        });
    }

    private static Task ResetFeedbackAsync(BenchHost host, BenchHost.Account account) =>
        KnowledgeBenchScope.AsAsync(host, account, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.KnowledgeChunkFeedback.ExecuteDeleteAsync();
        });
}
