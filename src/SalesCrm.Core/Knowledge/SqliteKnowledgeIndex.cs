using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// SQLite: <c>knowledge_fts</c> (FTS5, unicode61 with diacritics removed; columns heading and body, BM25 weighted 2:1)
/// and <c>knowledge_trgm</c> (FTS5 trigram over the folded text; BM25 over the query's trigrams OR-ed), both kept by
/// triggers on <c>knowledge_chunks</c> inside the writing transaction and keyed through <c>knowledge_search_keys</c>.
/// </summary>
public sealed class SqliteKnowledgeIndex : IKnowledgeIndex
{
    public static readonly SqliteKnowledgeIndex Instance = new();

    public async Task<IReadOnlyList<KnowledgeIndexHit>> LexicalAsync(CrmDbContext db, Guid tenantId, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        if (terms.Count == 0) return [];
        var match = string.Join(" OR ", terms.Distinct().Select(Quote));
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
        var match = string.Join(" OR ", trigrams.Select(Quote));
        return await db.Database.SqlQuery<KnowledgeIndexHit>($"""
            SELECT k."ChunkId" AS "ChunkId", -bm25("knowledge_trgm") AS "Score"
            FROM "knowledge_trgm" AS f CROSS JOIN "knowledge_search_keys" AS k ON k."Id" = f.rowid
            WHERE "knowledge_trgm" MATCH {match} AND k."TenantId" = {tenantId} AND k."Searchable" = 1
            ORDER BY bm25("knowledge_trgm") LIMIT {limit}
            """).ToListAsync(ct);
    }

    /// <summary>The word's character trigrams (Unicode scalars), as FTS5's trigram tokenizer cuts them.</summary>
    internal static IEnumerable<string> Trigrams(string word)
    {
        var runes = word.EnumerateRunes().Select(r => r.ToString()).ToArray();
        for (var i = 0; i + 3 <= runes.Length; i++) yield return runes[i] + runes[i + 1] + runes[i + 2];
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";
}
