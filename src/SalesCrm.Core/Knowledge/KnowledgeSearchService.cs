using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Hybrid search of the workspace's published, enabled chunks: the provider's full-text and trigram signals
/// (<see cref="IKnowledgeIndex"/>), the vector signal when embeddings exist, fused by <see cref="KnowledgeFusion"/>, with
/// the workspace's feedback. Both the search API and the copilot read it.
/// </summary>
public sealed class KnowledgeSearchService(
    IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time, IKnowledgeVectorSearch vectors,
    IOptionsMonitor<KnowledgeSearchOptions> options) : IKnowledgeSearch
{
    public async Task<IReadOnlyList<KnowledgeSearchHit>> SearchAsync(KnowledgeSearchRequest request, CancellationToken ct = default)
    {
        var tenantId = await access.RequireReadAsync(ct);
        var query = request.Query?.Trim() ?? "";
        new Validator()
            .When(query.Length == 0, "query", "is required.")
            .When(query.Length > KnowledgeLimits.QueryLength, "query", $"must be at most {KnowledgeLimits.QueryLength} characters.")
            .When(query.Contains('\0'), "query", "must not contain the NUL character.")
            .When(request.Limit is < 1 or > 50, "limit", "must be between 1 and 50.")
            .ThrowIfInvalid();
        var o = options.CurrentValue;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        KnowledgeTermStatistics.Remember(db, tenantId);
        var index = KnowledgeIndexes.For(db);
        var terms = KnowledgeText.Terms(query).Distinct().ToList();
        var words = TrigramWords(query);
        var stage = KnowledgeSearchTrace.Stage("lexical");
        var lexical = await index.LexicalAsync(db, tenantId, terms, o.Candidates, ct);
        stage?.Dispose();
        stage = KnowledgeSearchTrace.Stage("trigram");
        var trigram = await index.TrigramAsync(db, tenantId, words, o.Candidates, ct);
        stage?.Dispose();
        stage = KnowledgeSearchTrace.Stage("vector");
        var vector = await vectors.NearestAsync(tenantId, query, o.Candidates, ct);
        stage?.Dispose();
        stage = KnowledgeSearchTrace.Stage("rows");
        var rows = await RowsAsync(db, lexical.Concat(trigram).Concat(vector), [], ct);
        stage?.Dispose();
        stage = KnowledgeSearchTrace.Stage("spelling");
        if (o.CorrectSpelling && KnowledgeSpelling.Correct([.. KnowledgeText.Words(query)], [.. rows.Select(r => r.Chunk.SearchText)]) is { Count: > 0 } corrected)
        {
            // A misspelt word meets its passages through trigrams only; corrected against their words, the full-text
            // signal counts it too (the original terms stay: they cost nothing when the index does not hold them).
            terms = terms.Union(KnowledgeText.Terms(string.Join(' ', corrected))).ToList();
            lexical = await index.LexicalAsync(db, tenantId, terms, o.Candidates, ct);
            rows = await RowsAsync(db, lexical, rows, ct);
        }
        stage?.Dispose();
        if (rows.Count == 0) return [];

        var types = request.Types is { Count: > 0 } t ? t.ToHashSet() : null;
        var tags = request.Tags is { Count: > 0 } g ? g.ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
        rows = rows.Where(r => (types is null || types.Contains(r.Type)) && (tags is null || r.Tags.Any(tags.Contains))).ToList();
        var language = KnowledgeLanguageGuess.Guess(query);
        var rerank = o.CoverageWeight > 0 || o.HeadingCoverageWeight > 0 || o.ProximityWeight > 0;
        stage = KnowledgeSearchTrace.Stage("statistics");
        var idf = rerank || o.ExpansionWeight > 0
            ? KnowledgeTermStatistics.Plan(await KnowledgeTermStatistics.CountsAsync(db, tenantId, terms, ct), 0, 0).Idf
            : new Dictionary<string, double>();
        stage?.Dispose();
        var ranks = new Signals(Ranks(lexical), Ranks(trigram), Ranks(vector), [], idf, terms, language);
        if (o.ExpansionWeight > 0 && rows.Count > 0)
        {
            // Pseudo-relevance feedback: the words of the passages the first fusion ranks best, asked with the question's.
            var first = KnowledgeFusion.Rank(Candidates(rows, ranks, [], null), o).Take(o.ExpansionPassages);
            var byChunk = rows.ToDictionary(r => r.Chunk.Id);
            var passages = first.Select(x => byChunk[x.Candidate.ChunkId].Chunk)
                .Select(c => (IReadOnlyList<string>)(c.SearchHeading + " " + c.SearchBody).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var counts = await KnowledgeTermStatistics.CountsAsync(db, tenantId, passages.SelectMany(p => p).Distinct().ToList(), ct);
            var expansion = KnowledgeExpansion.Terms(passages, KnowledgeTermStatistics.Plan(counts, 0, 0).Idf, counts, terms, o.ExpansionTerms);
            if (expansion.Count > 0)
            {
                var expanded = await index.LexicalAsync(db, tenantId, [.. terms, .. expansion], o.Candidates, ct);
                rows = (await RowsAsync(db, expanded, rows, ct))
                    .Where(r => (types is null || types.Contains(r.Type)) && (tags is null || r.Tags.Any(tags.Contains))).ToList();
                ranks = ranks with { Expansion = Ranks(expanded) };
            }
        }
        var rowIds = rows.Select(r => r.Chunk.Id).ToList();
        stage = KnowledgeSearchTrace.Stage("feedback");
        var feedback = o.UseFeedback ? await FeedbackAsync(db, tenantId, rowIds, terms, o, ct) : [];
        stage?.Dispose();
        stage = KnowledgeSearchTrace.Stage("coverage");
        var candidates = Candidates(rows, ranks, feedback, o);
        stage?.Dispose();
        using var fusion = KnowledgeSearchTrace.Stage("fusion");
        var byId = rows.ToDictionary(r => r.Chunk.Id);
        return KnowledgeFusion.Rank(candidates, o).Take(request.Limit).Select(x =>
        {
            var r = byId[x.Candidate.ChunkId];
            var signals = new KnowledgeSignals(x.Candidate.Lexical ?? 0, x.Candidate.Trigram ?? 0, x.Candidate.Vector, x.Feedback);
            return new KnowledgeSearchHit(r.Chunk.Id, r.Chunk.DocumentId, r.Title, r.Type, r.Chunk.HeadingPath, r.Chunk.Text, Math.Round(x.Score, 6), signals);
        }).ToList();
    }

    public async Task RecordFeedbackAsync(IReadOnlyCollection<Guid> chunkIds, bool positive, string? question = null, CancellationToken ct = default)
    {
        var key = KnowledgeFeedbackSimilarity.Key(question);
        var tenantId = await access.RequireReadAsync(ct);
        if (chunkIds.Count == 0) return;
        var ids = chunkIds.Distinct().ToList();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The tenant filter drops other workspaces' chunks; counters move in SQL so parallel ratings are all counted.
        var known = await db.KnowledgeChunks.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var existing = await db.KnowledgeChunkFeedback.Where(f => known.Contains(f.ChunkId) && f.Question == key).Select(f => f.ChunkId).ToListAsync(ct);
        var up = positive ? 1 : 0;
        var down = positive ? 0 : 1;
        await db.KnowledgeChunkFeedback.Where(f => existing.Contains(f.ChunkId) && f.Question == key)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Ups, f => f.Ups + up).SetProperty(f => f.Downs, f => f.Downs + down).SetProperty(f => f.UpdatedAt, now), ct);
        foreach (var id in known.Except(existing))
            db.KnowledgeChunkFeedback.Add(new KnowledgeChunkFeedback { ChunkId = id, Question = key, TenantId = tenantId, Ups = up, Downs = down, UpdatedAt = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Each rated candidate's ups and downs as this question sees them: every rating weighed by how alike its question is
    /// (<see cref="KnowledgeFeedbackSimilarity"/>, idf from the workspace's term statistics); chunks no rating applies to are left out.
    /// </summary>
    private static async Task<Dictionary<Guid, (double Ups, double Downs)>> FeedbackAsync(CrmDbContext db, Guid tenantId, List<Guid> rowIds,
        IReadOnlyList<string> terms, KnowledgeSearchOptions o, CancellationToken ct)
    {
        var ratings = await db.KnowledgeChunkFeedback.AsNoTracking().Where(f => rowIds.Contains(f.ChunkId)).ToListAsync(ct);
        if (ratings.Count == 0) return [];
        var words = ratings.SelectMany(r => KnowledgeFeedbackSimilarity.Terms(r.Question)).Concat(terms).Distinct().ToList();
        var idf = KnowledgeTermStatistics.Plan(await KnowledgeTermStatistics.CountsAsync(db, tenantId, words, ct), 0, 0).Idf;
        return ratings.GroupBy(r => r.ChunkId)
            .Select(g => (g.Key, Weight: KnowledgeFeedbackSimilarity.Weigh(g, terms, idf, o.FeedbackSimilarityThreshold)))
            .Where(x => x.Weight.Ups + x.Weight.Downs > 0)
            .ToDictionary(x => x.Key, x => x.Weight);
    }

    private sealed record Row(KnowledgeChunk Chunk, string Title, KnowledgeDocumentType Type, List<string> Tags);

    /// <summary>Each signal's ranks, the question's terms with the workspace's idf, and the language the question seems written in.</summary>
    private sealed record Signals(
        Dictionary<Guid, (double Score, int Rank)> Lexical, Dictionary<Guid, (double Score, int Rank)> Trigram,
        Dictionary<Guid, (double Score, int Rank)> Vector, Dictionary<Guid, (double Score, int Rank)> Expansion,
        IReadOnlyDictionary<string, double> Idf, IReadOnlyList<string> Terms, string? Language);

    /// <summary>The rows as fusion candidates; the second-stage features only those <paramref name="rerank"/> weighs (none when null).</summary>
    private static List<KnowledgeCandidate> Candidates(List<Row> rows, Signals s, Dictionary<Guid, (double Ups, double Downs)> feedback, KnowledgeSearchOptions? rerank) =>
        rows.Select(r =>
        {
            var id = r.Chunk.Id;
            var (l, lr) = s.Lexical.GetValueOrDefault(id);
            var (tg, tr) = s.Trigram.GetValueOrDefault(id);
            var (v, vr) = s.Vector.GetValueOrDefault(id);
            var (_, er) = s.Expansion.GetValueOrDefault(id);
            var (ups, downs) = feedback.GetValueOrDefault(id);
            var all = rerank?.CoverageWeight > 0 ? KnowledgeQueryCoverage.Of(s.Terms, s.Idf, KnowledgeQueryCoverage.Terms(r.Chunk.SearchHeading, r.Chunk.SearchBody)) : 0;
            var heading = rerank?.HeadingCoverageWeight > 0 ? KnowledgeQueryCoverage.Of(s.Terms, s.Idf, KnowledgeQueryCoverage.Terms(r.Chunk.SearchHeading)) : 0;
            var proximity = rerank?.ProximityWeight > 0 ? KnowledgeProximity.Of(s.Terms, (r.Chunk.SearchHeading + " " + r.Chunk.SearchBody).Split(' ', StringSplitOptions.RemoveEmptyEntries), s.Idf) : 0;
            return new KnowledgeCandidate(id, r.Chunk.DocumentId, lr > 0 ? l : null, lr > 0 ? lr : null, tr > 0 ? tg : null, tr > 0 ? tr : null,
                vr > 0 ? v : null, vr > 0 ? vr : null, ups, downs, s.Language is null ? null : r.Chunk.Language == s.Language,
                er > 0 ? er : null, all, heading, proximity);
        }).ToList();

    /// <summary><paramref name="known"/> plus the searchable chunks of <paramref name="hits"/> not among them, with their document's title, type and tags.</summary>
    private static async Task<List<Row>> RowsAsync(CrmDbContext db, IEnumerable<KnowledgeIndexHit> hits, List<Row> known, CancellationToken ct)
    {
        var have = known.Select(r => r.Chunk.Id).ToHashSet();
        var ids = hits.Select(h => h.ChunkId).Where(id => !have.Contains(id)).Distinct().ToList();
        if (ids.Count == 0) return known;
        var rows = await db.KnowledgeChunks.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Searchable)
            .Join(db.KnowledgeDocuments.AsNoTracking(), c => c.DocumentId, d => d.Id, (c, d) => new Row(c, d.Title, d.Type, d.Tags))
            .ToListAsync(ct);
        return [.. known, .. rows];
    }

    /// <summary>The question's words the trigram signal reads: folded, three letters or more, no stopwords, distinct.</summary>
    public static List<string> TrigramWords(string query) =>
        KnowledgeText.Words(query).Where(w => w.Length >= 3 && !KnowledgeLexicon.Stopwords.Contains(w)).Distinct().ToList();

    private static Dictionary<Guid, (double Score, int Rank)> Ranks(IReadOnlyList<KnowledgeIndexHit> hits)
    {
        var ranks = new Dictionary<Guid, (double, int)>();
        for (var i = 0; i < hits.Count; i++) ranks.TryAdd(hits[i].ChunkId, (hits[i].Score, i + 1));
        return ranks;
    }
}
