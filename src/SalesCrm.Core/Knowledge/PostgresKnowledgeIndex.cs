using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// PostgreSQL: <c>knowledge_chunks."SearchVector"</c>, a generated <c>tsvector</c> of the analysed heading (weight A) and
/// body (weight B) under the document language's configuration (portuguese, english, spanish) over
/// <c>knowledge_unaccent</c> (an IMMUTABLE wrapper of <c>unaccent</c>), with a GIN index; and a pg_trgm GIN index on the
/// folded text. Full text (ADR 025): the workspace's term statistics pick the terms to match (rarest first, within a
/// postings budget) and weigh every question term by its inverse document frequency; a chunk scores
/// Σ idf(term) · <c>ts_rank</c>(chunk, term), a BM25-like sum (<c>ts_rank</c> alone has no IDF). Trigrams: the full-text
/// candidates plus the chunks holding the workspace's terms closest to the words it does not know (typos), scored in the application by
/// <see cref="KnowledgeTrigramScore"/>.
/// </summary>
public sealed class PostgresKnowledgeIndex : IKnowledgeIndex
{
    public static readonly PostgresKnowledgeIndex Instance = new();

    /// <summary>Most chunks (term statistics, summed over the matched terms) one full-text query reads; rarer terms first.</summary>
    public const int LexicalPostingBudget = 1_000;

    /// <summary>Fewest terms matched, whatever their counts.</summary>
    public const int LexicalMinimumTerms = 1;

    /// <summary>Most chunks one full-text query scores when even its rarest term is in more than the budget (an arbitrary subset of those holding its two rarest terms).</summary>
    public const int LexicalScoredCap = LexicalPostingBudget;

    /// <summary>Workspace terms (pg_trgm <c>%</c>, similarity ≥ 0.3) one unknown (misspelt) word stands for in the trigram pool.</summary>
    public const int TrigramTermsPerUnknownWord = 3;

    /// <summary>Most chunks one unknown word brings into the trigram pool (the best by full text over its similar terms).</summary>
    public const int TrigramHitsPerUnknownWord = 50;

    /// <summary>Each context's last full-text answer: the trigram pool reuses it when the question's words give the same terms.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CrmDbContext, Tuple<Guid, string, int, IReadOnlyList<KnowledgeIndexHit>>> LastLexical = new();

    public async Task<IReadOnlyList<KnowledgeIndexHit>> LexicalAsync(CrmDbContext db, Guid tenantId, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        var key = string.Join(' ', terms.Distinct().Order(StringComparer.Ordinal));
        if (LastLexical.TryGetValue(db, out var last) && last.Item1 == tenantId && last.Item2 == key && last.Item3 == limit) return last.Item4;
        var hits = await QueryLexicalAsync(db, tenantId, terms, limit, ct);
        LastLexical.AddOrUpdate(db, Tuple.Create(tenantId, key, limit, hits));
        return hits;
    }

    private static async Task<IReadOnlyList<KnowledgeIndexHit>> QueryLexicalAsync(CrmDbContext db, Guid tenantId, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        var plan = await KnowledgeTermStatistics.PlanAsync(db, tenantId, terms.ToList(), LexicalPostingBudget, LexicalMinimumTerms, ct);
        if (plan.Match.Count == 0) return [];
        // Terms are analysed already (letters and digits only), so they are safe as tsquery lexemes; each is read in every
        // configuration a chunk may be indexed with, OR-ed, so a chunk meets it in its own language's stems.
        // Past the budget (even the rarest term is in more chunks), AND-first: chunks holding both of the two rarest terms,
        // and at most LexicalScoredCap of them. Under the budget no LIMIT at all: a LIMIT near the estimated match count
        // made the planner trade the GIN bitmap scan for a sequential scan that stopped "early" (360 ms at 100,000 chunks).
        var overflow = plan.Postings > LexicalPostingBudget;
        var match = overflow && plan.Idf.Count >= 2
            ? string.Join(" & ", plan.Idf.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Take(2).Select(x => x.Key))
            : string.Join(" | ", plan.Match);
        int? cap = overflow ? LexicalScoredCap : null;
        var weighed = plan.Idf.Keys.ToArray();
        var idfs = weighed.Select(t => plan.Idf[t]).ToArray();
        return await db.Database.SqlQuery<KnowledgeIndexHit>($"""
            WITH t AS MATERIALIZED (
                SELECT to_tsquery('portuguese', x.term) || to_tsquery('english', x.term) || to_tsquery('spanish', x.term) AS q, x.idf
                FROM unnest({weighed}::text[], {idfs}::float8[]) AS x(term, idf)
            ),
            m AS (SELECT to_tsquery('portuguese', {match}) || to_tsquery('english', {match}) || to_tsquery('spanish', {match}) AS q),
            c AS MATERIALIZED (
                SELECT c."Id", c."SearchVector" FROM m CROSS JOIN knowledge_chunks AS c
                WHERE c."SearchVector" @@ m.q AND c."TenantId" = {tenantId} AND c."Searchable"
                LIMIT {cap}
            )
            SELECT c."Id" AS "ChunkId", (SELECT sum(t.idf * ts_rank(ARRAY[0.1, 0.2, 0.5, 1.0]::float4[], c."SearchVector", t.q, 1)) FROM t)::float8 AS "Score"
            FROM c ORDER BY 2 DESC LIMIT {limit}
            """).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<KnowledgeIndexHit>> TrigramAsync(CrmDbContext db, Guid tenantId, IReadOnlyList<string> words, int limit, CancellationToken ct)
    {
        var list = words.Where(w => w.Length >= 3).Distinct().ToArray();
        if (list.Length == 0) return [];
        var termsOf = list.ToDictionary(w => w, w => KnowledgeText.Terms(w).DefaultIfEmpty(w).ToList());
        // The pool: the full-text candidates for the question's words, plus, for each word the workspace's statistics do not
        // know (a typo, an inflection the stemmer missed), the chunks holding the workspace's terms closest to it (pg_trgm
        // similarity over knowledge_terms, a few thousand rows, through its GIN index). Scanning the chunks' trigram index
        // for such a word took up to 300 ms at 100,000 chunks: common trigrams are in almost every chunk.
        var termsOfWords = termsOf.Values.SelectMany(t => t).Distinct().ToList();
        var known = await KnowledgeTermStatistics.PlanAsync(db, tenantId, termsOfWords, 0, 0, ct);
        var unknown = list.Where(w => !termsOf[w].Any(known.Idf.ContainsKey)).ToArray();
        var pool = (await LexicalAsync(db, tenantId, termsOfWords, limit, ct)).Select(h => h.ChunkId).ToHashSet();
        if (unknown.Length > 0)
        {
            var similar = await db.Database.SqlQuery<string>($"""
                SELECT t."Term" AS "Value" FROM unnest({unknown}::text[]) AS u(word) CROSS JOIN LATERAL (
                    SELECT k."Term" FROM knowledge_terms AS k
                    WHERE k."TenantId" = {tenantId} AND k."Term" % u.word AND k."Term" <> ''
                    ORDER BY similarity(k."Term", u.word) DESC, k."Term" LIMIT {TrigramTermsPerUnknownWord}) AS t
                """).ToListAsync(ct);
            pool.UnionWith((await LexicalAsync(db, tenantId, similar, TrigramHitsPerUnknownWord * unknown.Length, ct)).Select(h => h.ChunkId));
        }
        if (pool.Count == 0) return [];
        var ids = pool.ToArray();
        var texts = await db.KnowledgeChunks.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.SearchText }).ToListAsync(ct);
        var score = new KnowledgeTrigramScore(list);
        return texts.Select(t => new KnowledgeIndexHit { ChunkId = t.Id, Score = score.Score(t.SearchText) }).Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score).ThenBy(h => h.ChunkId).Take(limit).ToList();
    }
}
