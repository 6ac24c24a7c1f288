using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// SQLite: <c>knowledge_fts</c> (FTS5, unicode61 with diacritics removed; columns heading and body, BM25 weighted 2:1)
/// and <c>knowledge_trgm</c> (FTS5 trigram over the folded text; BM25 over the query's trigrams OR-ed), both kept by
/// triggers on <c>knowledge_chunks</c> inside the writing transaction and keyed through <c>knowledge_search_keys</c>.
/// Full text matches the terms the workspace's statistics plan (<see cref="KnowledgeTermStatistics"/>, ADR 025); the
/// trigram query its rarest trigrams by the FTS5 vocabulary, within a postings budget.
/// </summary>
public sealed class SqliteKnowledgeIndex : IKnowledgeIndex
{
    public static readonly SqliteKnowledgeIndex Instance = new();

    /// <summary>Most postings (chunks per term in the workspace, summed) one full-text query reads; rarer terms first (ADR 025).</summary>
    public const int LexicalPostingBudget = 10_000;

    /// <summary>Most postings one trigram query reads (every workspace's: the FTS5 tables are shared); about 1 µs each.</summary>
    public const int TrigramPostingBudget = 6_000;

    public async Task<IReadOnlyList<KnowledgeIndexHit>> LexicalAsync(CrmDbContext db, Guid tenantId, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        // The workspace's own statistics pick the terms (another workspace's common words stay informative here).
        var plan = await KnowledgeTermStatistics.PlanAsync(db, tenantId, terms.ToList(), LexicalPostingBudget, 2, ct);
        if (plan.Match.Count == 0) return [];
        var match = string.Join(" OR ", plan.Match.Select(Quote));
        return await db.Database.SqlQuery<KnowledgeIndexHit>($"""
            SELECT k."ChunkId" AS "ChunkId", -bm25("knowledge_fts", 2.0, 1.0) AS "Score"
            FROM "knowledge_fts" AS f CROSS JOIN "knowledge_search_keys" AS k ON k."Id" = f.rowid
            WHERE "knowledge_fts" MATCH {match} AND k."TenantId" = {tenantId} AND k."Searchable" = 1
            ORDER BY bm25("knowledge_fts", 2.0, 1.0) LIMIT {limit}
            """).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<KnowledgeIndexHit>> TrigramAsync(CrmDbContext db, Guid tenantId, IReadOnlyList<string> words, int limit, CancellationToken ct)
    {
        var trigrams = words.SelectMany(Trigrams).Distinct().ToList();
        if (trigrams.Count == 0) return [];
        var kept = await WithinBudgetAsync(db, trigrams, TrigramPostingBudget, 3, ct);
        if (kept.Count == 0) return [];
        var match = string.Join(" OR ", kept.Select(Quote));
        return await db.Database.SqlQuery<KnowledgeIndexHit>($"""
            SELECT k."ChunkId" AS "ChunkId", -bm25("knowledge_trgm") AS "Score"
            FROM "knowledge_trgm" AS f CROSS JOIN "knowledge_search_keys" AS k ON k."Id" = f.rowid
            WHERE "knowledge_trgm" MATCH {match} AND k."TenantId" = {tenantId} AND k."Searchable" = 1
            ORDER BY bm25("knowledge_trgm") LIMIT {limit}
            """).ToListAsync(ct);
    }

    /// <summary>
    /// The trigrams to query, rarest first, until their postings (chunks holding them, from the FTS5 vocabulary of every
    /// workspace: what the query reads) exceed the budget; at least <paramref name="minimum"/>. BM25 gives the common
    /// trigrams it drops almost no weight; a small knowledge base never reaches the budget.
    /// </summary>
    private static async Task<List<string>> WithinBudgetAsync(CrmDbContext db, List<string> terms, int budget, int minimum, CancellationToken ct)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(terms);
        var counts = await db.Database.SqlQuery<TermCount>(
            $"""SELECT v."term" AS "Term", v."doc" AS "Docs" FROM json_each({json}) AS t CROSS JOIN "knowledge_trgm_vocab" AS v ON v."term" = t."value" """).ToListAsync(ct);
        var docs = counts.ToDictionary(c => c.Term, c => c.Docs);
        var kept = new List<string>();
        long read = 0;
        foreach (var term in terms.Where(docs.ContainsKey).OrderBy(t => docs[t]))
        {
            if (kept.Count >= minimum && read + docs[term] > budget) break;
            kept.Add(term);
            read += docs[term];
        }
        return kept;
    }

    private sealed class TermCount
    {
        public string Term { get; set; } = "";
        public long Docs { get; set; }
    }

    /// <summary>The word's character trigrams (Unicode scalars), as FTS5's trigram tokenizer cuts them.</summary>
    internal static IEnumerable<string> Trigrams(string word)
    {
        var runes = word.EnumerateRunes().Select(r => r.ToString()).ToArray();
        for (var i = 0; i + 3 <= runes.Length; i++) yield return runes[i] + runes[i + 1] + runes[i + 2];
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";
}
