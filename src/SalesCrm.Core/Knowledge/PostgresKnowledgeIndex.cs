using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// PostgreSQL: <c>knowledge_chunks."SearchVector"</c>, a generated <c>tsvector</c> of the analysed heading (weight A) and
/// body (weight B) under the document language's configuration (portuguese, english, spanish) over
/// <c>knowledge_unaccent</c> (an IMMUTABLE wrapper of <c>unaccent</c>), ranked by <c>ts_rank</c>; and a pg_trgm GIN index
/// on the folded text: the full-text candidates plus the chunks close to the words the full-text index does not know
/// (typos), ranked by the sum over the question's words of <c>word_similarity</c> (the share of the word's trigrams the
/// text holds).
/// </summary>
public sealed class PostgresKnowledgeIndex : IKnowledgeIndex
{
    public static readonly PostgresKnowledgeIndex Instance = new();

    /// <summary>Lowest <c>word_similarity</c> of one question word to a chunk's text that counts (<c>pg_trgm.word_similarity_threshold</c>).</summary>
    public const double TrigramThreshold = 0.5;

    public async Task<IReadOnlyList<KnowledgeIndexHit>> LexicalAsync(CrmDbContext db, Guid tenantId, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        if (terms.Count == 0) return [];
        // Terms are analysed already (letters and digits only), so they are safe as tsquery lexemes; the query is read
        // in each configuration a chunk may be indexed with, OR-ed, so a chunk meets it in its own language's stems.
        var query = string.Join(" | ", terms.Distinct());
        return await db.Database.SqlQuery<KnowledgeIndexHit>($"""
            SELECT c."Id" AS "ChunkId", ts_rank(ARRAY[0.1, 0.2, 0.5, 1.0]::float4[], c."SearchVector", q.query, 1)::float8 AS "Score"
            FROM (SELECT to_tsquery('portuguese', {query}) || to_tsquery('english', {query}) || to_tsquery('spanish', {query}) AS query) AS q
            CROSS JOIN knowledge_chunks AS c
            WHERE c."SearchVector" @@ q.query AND c."TenantId" = {tenantId} AND c."Searchable"
            ORDER BY 2 DESC LIMIT {limit}
            """).ToListAsync(ct);
    }

    /// <summary>Most chunks one unknown (misspelt) word brings in through the trigram index.</summary>
    public const int TrigramHitsPerUnknownWord = 50;

    public async Task<IReadOnlyList<KnowledgeIndexHit>> TrigramAsync(CrmDbContext db, Guid tenantId, IReadOnlyList<string> words, int limit, CancellationToken ct)
    {
        var list = words.Where(w => w.Length >= 3).Distinct().ToArray();
        if (list.Length == 0) return [];
        var lexemes = list.Select(w => string.Join(" | ", KnowledgeText.Terms(w).DefaultIfEmpty(w))).ToArray();
        var all = string.Join(" | ", lexemes);
        // The pool: the chunks the full-text index finds for the question's words, plus, for each word the index does not
        // know (a typo, an inflection the stemmer missed), up to 50 chunks whose text holds most of its trigrams (%> via
        // the GIN index). Scanning the trigram index for every word costs seconds at 100,000 chunks, since common
        // trigrams are in almost every chunk. A pooled chunk's score is the sum over the words of word_similarity.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT set_config('pg_trgm.word_similarity_threshold', {TrigramThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}, true)", ct);
        var hits = await db.Database.SqlQuery<KnowledgeIndexHit>($"""
            WITH q AS (SELECT to_tsquery('portuguese', {all}) || to_tsquery('english', {all}) || to_tsquery('spanish', {all}) AS query),
            known AS (
                SELECT c."Id", c."SearchText" FROM q CROSS JOIN knowledge_chunks AS c
                WHERE c."SearchVector" @@ q.query AND c."TenantId" = {tenantId} AND c."Searchable"
                ORDER BY ts_rank(c."SearchVector", q.query) DESC LIMIT {limit}
            ),
            unknown AS (
                SELECT x.word FROM unnest({list}, {lexemes}) AS x(word, lexemes)
                WHERE NOT EXISTS (SELECT 1 FROM knowledge_chunks AS k WHERE k."TenantId" = {tenantId}
                    AND k."SearchVector" @@ (to_tsquery('portuguese', x.lexemes) || to_tsquery('english', x.lexemes) || to_tsquery('spanish', x.lexemes)))
            ),
            typo AS (
                SELECT t."Id", t."SearchText" FROM unknown AS u CROSS JOIN LATERAL (
                    SELECT k."Id", k."SearchText" FROM knowledge_chunks AS k
                    WHERE k."SearchText" %> u.word AND k."TenantId" = {tenantId} AND k."Searchable" LIMIT {TrigramHitsPerUnknownWord}) AS t
            ),
            pool AS (SELECT * FROM known UNION SELECT * FROM typo)
            SELECT p."Id" AS "ChunkId", sum(word_similarity(w.word, p."SearchText"))::float8 AS "Score"
            FROM pool AS p CROSS JOIN unnest({list}) AS w(word)
            GROUP BY p."Id" HAVING sum(word_similarity(w.word, p."SearchText")) > 0
            ORDER BY 2 DESC LIMIT {limit}
            """).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return hits;
    }
}
