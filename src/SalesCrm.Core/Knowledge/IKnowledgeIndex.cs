using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// The provider-specific half of knowledge search (ADR 017): each method returns the workspace's searchable chunks one
/// signal ranks best. SQLite: FTS5 (BM25, accents folded) and an FTS5 trigram table; PostgreSQL: <c>tsvector</c> with
/// the document language's configuration over <c>unaccent</c>, and <c>pg_trgm</c>. Both index the same analysed
/// columns (<see cref="KnowledgeText"/>), written with the chunk.
/// </summary>
public interface IKnowledgeIndex
{
    /// <summary>Full-text hits for any of the analysed <paramref name="terms"/>, title and headings weighted above the body.</summary>
    Task<IReadOnlyList<KnowledgeIndexHit>> LexicalAsync(CrmDbContext db, Guid tenantId, IReadOnlyList<string> terms, int limit, CancellationToken ct);

    /// <summary>Chunks sharing the most character trigrams with the folded <paramref name="words"/> (survives typos and inflection).</summary>
    Task<IReadOnlyList<KnowledgeIndexHit>> TrigramAsync(CrmDbContext db, Guid tenantId, IReadOnlyList<string> words, int limit, CancellationToken ct);
}
