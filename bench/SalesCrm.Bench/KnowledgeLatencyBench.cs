using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Features.Knowledge;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Bench;

/// <summary>
/// <c>POST /api/v1/knowledge/search</c> p50/p95 in a workspace of <c>--chunks</c> generated chunks (default 100,000)
/// against the demo playbook alone (the small-KB baseline) in the same run and database, with the labelled questions
/// as queries.
/// </summary>
public static class KnowledgeLatencyBench
{
    public static async Task RunAsync(BenchHost host, string repo, int chunkCount, int requests, int runs, List<string> rows, List<string> notes)
    {
        var small = await host.RegisterAsync("Bench KB small");
        var big = await host.RegisterAsync("Bench KB big");
        var playbook = Path.Combine(repo, "src", "SalesCrm.Web", "Features", "Demo", "Playbook");
        var titles = new Dictionary<string, string>();
        foreach (var file in Directory.GetFiles(playbook, "*.md").Order())
        {
            var input = KnowledgeMarkdownFile.Parse(await File.ReadAllTextAsync(file), Path.GetFileName(file));
            titles[Path.GetFileName(file)] = input.Title!;
            await KnowledgeBenchScope.AsAsync(host, small, sp => sp.GetRequiredService<KnowledgeDocumentService>().CreateAsync(input));
            await KnowledgeBenchScope.AsAsync(host, big, sp => sp.GetRequiredService<KnowledgeDocumentService>().CreateAsync(input));
        }
        var sw = Stopwatch.StartNew();
        var vectors = new KnowledgeBenchVectors(host);
        var generated = await GenerateAsync(host, big, chunkCount, vectors);
        notes.Add($"Knowledge latency ({host.ProviderName}): generated {generated:N0} chunks in {sw.Elapsed.TotalSeconds:F0} s (plus the playbook); baseline: the playbook alone in another workspace."
            + (vectors.On ? $" Vector signal on ({vectors.Label}): random vectors for the generated chunks, the playbook's embedded by the job." : ""));
        await vectors.EmbeddedAsync(host, small);
        await vectors.EmbeddedAsync(host, big);
        if (requests == 0) return; // --requests 0 --keep: only build the database, to look at plans
        var labelled = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(repo, "bench", "SalesCrm.Bench", "Retrieval", "questions.json")))
            .RootElement.EnumerateArray().Select(q => (Text: q.GetProperty("question").GetString()!, Expected: titles.GetValueOrDefault(q.GetProperty("expected").GetString()!))).ToList();
        var questions = labelled.Select(q => q.Text).ToList();
        var bigRuns = new List<IReadOnlyList<double>>();
        var smallRuns = new List<IReadOnlyList<double>>();
        for (var run = 0; run < runs; run++)
        {
            bigRuns.Add(await TimeAsync(host, big, questions, requests));
            smallRuns.Add(await TimeAsync(host, small, questions, requests));
        }
        var withVectors = vectors.On ? $" + vectors ({vectors.Label})" : "";
        rows.Add(Stats.Row($"POST /knowledge/search @ {generated + 0:N0} chunks{withVectors}", bigRuns));
        rows.Add(Stats.Row("  same questions, playbook only (baseline)", smallRuns));
        if (vectors.On)
        {
            rows.Add(Stats.Row($"  {vectors.Label}: embedding one question (uncached; searches cache it 10 min)", [await vectors.QuestionTimesAsync(questions)]));
            var (firstMs, nearest) = await vectors.NearestTimesAsync(host, big, questions, requests);
            rows.Add(Stats.Row($"  vector signal alone @ {generated + 0:N0} chunks (question cached)", [nearest]));
            rows.Add(Stats.Row($"    of which the dot products and top-k in memory", [await vectors.DotProductTimesAsync(host, big, questions, requests)]));
            notes.Add($"  Reading the workspace's vectors into memory (the first search after a start, or after the set went stale): {firstMs:N0} ms.");
        }
        await ProfileAsync(host, big, labelled, $"@ {generated:N0}", rows, notes);
        await ProfileAsync(host, small, labelled, "playbook only", rows, notes);
        await JsonBodyCostAsync(host, questions, rows);

        // Writes last, so the searches above ran over the same chunks in every run.
        var sample = KnowledgeMarkdownFile.Parse(await File.ReadAllTextAsync(Path.Combine(playbook, "objecao-preco.md")), "objecao-preco.md");
        var bigWrites = new List<(IReadOnlyList<double> Create, IReadOnlyList<double> Update)>();
        var smallWrites = new List<(IReadOnlyList<double> Create, IReadOnlyList<double> Update)>();
        for (var run = 0; run < runs; run++)
        {
            bigWrites.Add(await TimeWritesAsync(host, big, sample, Math.Max(5, requests / 5)));
            smallWrites.Add(await TimeWritesAsync(host, small, sample, Math.Max(5, requests / 5)));
        }
        rows.Add(Stats.Row($"POST /knowledge/documents (~{sample.Content!.Length / 1000} kB) @ {generated:N0} chunks", bigWrites.Select(w => w.Create).ToList()));
        rows.Add(Stats.Row("  playbook only (baseline)", smallWrites.Select(w => w.Create).ToList()));
        rows.Add(Stats.Row($"PATCH /knowledge/documents/{{id}} (a paragraph added) @ {generated:N0}", bigWrites.Select(w => w.Update).ToList()));
        rows.Add(Stats.Row("  playbook only (baseline)", smallWrites.Select(w => w.Update).ToList()));
    }

    /// <summary>
    /// Where a search's time goes, in process (no HTTP): the analysis, each provider signal (<see cref="IKnowledgeIndex"/>)
    /// on its own context, and the whole <see cref="KnowledgeSearchService.SearchAsync"/>; one pass over the questions. Also
    /// what the postings budgets cost in quality: where the expected playbook document ranks among the top 10 here (no
    /// distractor documents, unlike the retrieval bench; at 100,000 chunks the generated text is the distractor).
    /// </summary>
    private static async Task ProfileAsync(BenchHost host, BenchHost.Account account, List<(string Text, string? Expected)> questions, string label,
        List<string> rows, List<string> notes)
    {
        var ranks = new List<int>();
        var lexical = new List<double>();
        var trigram = new List<double>();
        var whole = new List<double>();
        var highlight = new List<double>();
        // The stages of each SearchAsync (KnowledgeSearchTrace spans), summed per question.
        var stages = new Dictionary<string, List<double>>();
        var current = new Dictionary<string, double>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == KnowledgeSearchTrace.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => { lock (current) current[a.OperationName] = current.GetValueOrDefault(a.OperationName) + a.Duration.TotalMilliseconds; },
        };
        ActivitySource.AddActivityListener(listener);
        await KnowledgeBenchScope.AsAsync(host, account, async sp =>
        {
            var factory = sp.GetRequiredService<IDbContextFactory<CrmDbContext>>();
            var search = KnowledgeBenchScope.Search(sp, new KnowledgeSearchOptions());
            var options = new KnowledgeSearchOptions();
            foreach (var (question, expected) in questions)
            {
                await using var db = await factory.CreateDbContextAsync();
                var index = KnowledgeIndexes.For(db);
                var sw = Stopwatch.StartNew();
                await index.LexicalAsync(db, account.TenantId, KnowledgeText.Terms(question).Distinct().ToList(), options.Candidates, default);
                lexical.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                await index.TrigramAsync(db, account.TenantId, KnowledgeSearchService.TrigramWords(question), options.Candidates, default);
                trigram.Add(sw.Elapsed.TotalMilliseconds);
                lock (current) current.Clear();
                sw.Restart();
                var hits = await search.SearchAsync(new KnowledgeSearchRequest(question, Limit: 10));
                whole.Add(sw.Elapsed.TotalMilliseconds);
                lock (current)
                    foreach (var (name, ms) in current)
                    {
                        if (!stages.TryGetValue(name, out var list)) stages[name] = list = [];
                        list.Add(ms);
                    }
                sw.Restart();
                foreach (var hit in hits) KnowledgeHighlight.MatchedWords(hit.Text, question);
                highlight.Add(sw.Elapsed.TotalMilliseconds);
                if (expected is not null) ranks.Add(hits.Select(h => h.DocumentTitle).Distinct().ToList().IndexOf(expected) + 1);
            }
            return 0;
        });
        rows.Add(Stats.Row($"  profile {label}: full-text signal (LexicalAsync)", lexical));
        rows.Add(Stats.Row($"  profile {label}: trigram signal (TrigramAsync)", trigram));
        rows.Add(Stats.Row($"  profile {label}: SearchAsync in process (all of it)", whole));
        foreach (var name in (string[])["lexical", "trigram", "vector", "rows", "spelling", "statistics", "feedback", "coverage", "fusion"])
            if (stages.TryGetValue(name, out var ms)) rows.Add(Stats.Row($"    stage {name}", ms));
        rows.Add(Stats.Row($"    highlight of the 10 hits (playground only, not the API)", highlight));
        double n = ranks.Count;
        notes.Add($"Knowledge quality {label} ({host.ProviderName}, top 10, {ranks.Count} questions): recall@1 {ranks.Count(r => r == 1) / n:0.000}  recall@5 {ranks.Count(r => r is >= 1 and <= 5) / n:0.000}  MRR@10 {ranks.Sum(r => r > 0 ? 1.0 / r : 0) / n:0.000}");
    }

    /// <summary>
    /// What reading the search body twice costs (ADR 038: <see cref="RequestInputGuard"/> checks it field by field with
    /// <see cref="JsonBody.CheckAsync"/>, then the endpoint reads it with <see cref="JsonBody.ReadAsync{T}"/>) against reading
    /// it once, in process, per request.
    /// </summary>
    private static async Task JsonBodyCostAsync(BenchHost host, List<string> questions, List<string> rows)
    {
        var bodies = questions.Select(q => JsonSerializer.SerializeToUtf8Bytes(new { query = q, limit = 10 })).ToList();
        async Task<List<double>> BodyTimesAsync(bool check)
        {
            var samples = new List<double>();
            for (var i = 0; i < 2_000; i++)
            {
                var body = bodies[i % bodies.Count];
                var context = new DefaultHttpContext { RequestServices = host.Services };
                context.Request.ContentType = "application/json";
                context.Request.ContentLength = body.Length;
                context.Request.Body = new MemoryStream(body);
                var sw = Stopwatch.StartNew();
                if (check) await JsonBody.CheckAsync(context.Request, typeof(KnowledgeSearchBody), false, default);
                await JsonBody.ReadAsync<KnowledgeSearchBody>(context.Request, default);
                samples.Add(sw.Elapsed.TotalMilliseconds * 1000);
            }
            return samples;
        }
        await BodyTimesAsync(true); // warm-up
        rows.Add(Stats.Row("search body read once (µs, not ms)", await BodyTimesAsync(false)));
        rows.Add(Stats.Row("  checked by the guard, then read (µs, not ms)", await BodyTimesAsync(true)));
    }

    /// <summary>Creates <paramref name="n"/> copies of a playbook document over HTTP, then adds a paragraph to each (a re-chunk).</summary>
    private static async Task<(IReadOnlyList<double> Create, IReadOnlyList<double> Update)> TimeWritesAsync(BenchHost host, BenchHost.Account account, KnowledgeDocumentInput sample, int n)
    {
        using var http = host.Http(account.Token);
        var create = new List<double>();
        var update = new List<double>();
        var ids = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await http.PostAsJsonAsync("/api/v1/knowledge/documents",
                new { title = $"{sample.Title} {i}", type = "objection_handler", language = sample.Language, content = sample.Content });
            response.EnsureSuccessStatusCode();
            create.Add(sw.Elapsed.TotalMilliseconds);
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        }
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await http.PatchAsJsonAsync($"/api/v1/knowledge/documents/{ids[i]}",
                new { content = sample.Content + $"\n\nRevisão {i}: quando o cliente pedir desconto à vista, ofereça o plano anual com a instalação inclusa." });
            response.EnsureSuccessStatusCode();
            update.Add(sw.Elapsed.TotalMilliseconds);
        }
        return (create, update);
    }

    private static async Task<List<double>> TimeAsync(BenchHost host, BenchHost.Account account, List<string> questions, int n)
    {
        using var http = host.Http(account.Token);
        for (var i = 0; i < 20; i++) await SearchAsync(http, questions[i % questions.Count]);
        var samples = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            await SearchAsync(http, questions[(i * 7) % questions.Count]);
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return samples;
    }

    private static async Task SearchAsync(HttpClient http, string query)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/knowledge/search", new { query, limit = 10 });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Documents of ten chunks of Portuguese-like text: words drawn with a Zipf-like skew from 20,000 invented words and
    /// the playbook's sales words (at random ranks), so some terms are common and the index has a long tail.
    /// </summary>
    private static async Task<int> GenerateAsync(BenchHost host, BenchHost.Account account, int chunkCount, KnowledgeBenchVectors vectors)
    {
        var random = new Random(15);
        var vocabulary = Vocabulary(random);
        var created = 0;
        var now = DateTime.UtcNow;
        while (created < chunkCount)
        {
            await KnowledgeBenchScope.AsAsync(host, account, async sp =>
            {
                await using var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
                // 20 documents (200 chunks) a transaction, a large import's size: the term statistics triggers (ADR 025) update
                // the chunk count and the common terms' rows once per chunk, and thousands of updates of one row inside one
                // PostgreSQL transaction slow down, each walking that row's versions.
                for (var d = 0; d < 20 && created < chunkCount; d++)
                {
                    var document = new KnowledgeDocument
                    {
                        TenantId = account.TenantId, Title = Sentence(random, vocabulary, 4), Type = (KnowledgeDocumentType)(d % 6),
                        Content = "", CreatedAt = now, UpdatedAt = now,
                    };
                    var parts = new StringBuilder();
                    db.KnowledgeDocuments.Add(document);
                    for (var c = 0; c < 10 && created < chunkCount; c++, created++)
                    {
                        var text = string.Join(' ', Enumerable.Range(0, 8).Select(_ => Sentence(random, vocabulary, 6 + random.Next(10)) + "."));
                        var chunk = new KnowledgeChunk { Text = text, Ordinal = c, HeadingPath = [Sentence(random, vocabulary, 3)] };
                        KnowledgeChunkIndexing.Fill(chunk, document, now);
                        db.KnowledgeChunks.Add(chunk);
                        if (vectors.For(chunk, now) is { } vector) db.KnowledgeChunkEmbeddings.Add(vector);
                        parts.Append("## ").Append(chunk.HeadingPath[0]).Append("\n\n").Append(text).Append("\n\n");
                    }
                    document.Content = parts.ToString();
                }
                await db.SaveChangesAsync();
                return 0;
            });
        }
        return created;
    }

    private static string[] Vocabulary(Random random)
    {
        var words = new List<string>
        {
            "preço", "valor", "entrega", "garantia", "instalação", "parcelamento", "desconto", "cliente", "produto", "sistema",
            "plano", "mensal", "anual", "suporte", "técnico", "visita", "proposta", "contrato", "pagamento", "cartão", "boleto",
            "pix", "nota", "fiscal", "estoque", "loja", "caixa", "impressora", "balança", "frete", "prazo", "equipe", "treinamento",
        };
        const string letters = "abcdefghijlmnoprstuvz";
        for (var i = 0; i < 20_000; i++) words.Add(new string(Enumerable.Range(0, 4 + random.Next(7)).Select(_ => letters[random.Next(letters.Length)]).ToArray()));
        // The sales words land at random ranks, so each is as common as a random word of a real KB, not in every chunk.
        var shuffled = words.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }

    /// <summary>Words with a Zipf-like skew: low indexes (the sales words) far more often than the tail.</summary>
    private static string Sentence(Random random, string[] vocabulary, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[(int)Math.Min(vocabulary.Length - 1, Math.Pow(vocabulary.Length, random.NextDouble()) - 1)]));
}
