using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// PostgreSQL: <c>knowledge_chunks."SearchVector"</c>, a generated <c>tsvector</c> of the analysed heading (weight A) and
/// body (weight B) under the document language's configuration (portuguese, english, spanish) over
/// <c>knowledge_unaccent</c> (an IMMUTABLE wrapper of <c>unaccent</c>), ranked by <c>ts_rank</c>; and a pg_trgm GIN index
/// on the folded text, ranked by the sum over the question's words of <c>word_similarity</c> (the share of the word's
/// trigrams the text holds).
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

    public async Task<IReadOnlyList<KnowledgeIndexHit>> TrigramAsync(CrmDbContext db, Guid tenantId, IReadOnlyList<string> words, int limit, CancellationToken ct)
    {
        var list = words.Where(w => w.Length >= 3).Distinct().ToArray();
        if (list.Length == 0) return [];
        // Per word, the chunks whose text holds most of its trigrams (%> through the GIN index); a chunk's score is the sum
        // over the question's words of word_similarity, as SQLite's trigram BM25 sums over the words' trigrams.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT set_config('pg_trgm.word_similarity_threshold', {TrigramThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}, true)", ct);
        var hits = await db.Database.SqlQuery<KnowledgeIndexHit>($"""
            SELECT c."Id" AS "ChunkId", sum(word_similarity(w.word, c."SearchText"))::float8 AS "Score"
            FROM unnest({list}) AS w(word)
            CROSS JOIN LATERAL (
                SELECT k."Id", k."SearchText" FROM knowledge_chunks AS k
                WHERE k."SearchText" %> w.word AND k."TenantId" = {tenantId} AND k."Searchable"
            ) AS c
            GROUP BY c."Id"
            ORDER BY 2 DESC LIMIT {limit}
            """).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return hits;
    }
}
