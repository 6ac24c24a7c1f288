using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Reads the workspace's term statistics (<see cref="KnowledgeTerm"/>, kept by triggers) and plans a full-text query
/// from them: the same on both providers, so both drop the same common terms (ADR 025).
/// </summary>
public static class KnowledgeTermStatistics
{
    /// <summary>
    /// The plan for <paramref name="terms"/> in the workspace: terms it does not hold are left out; the others are matched
    /// rarest first until their chunk counts add up past <paramref name="budget"/>, keeping at least
    /// <paramref name="minimum"/> (a common term adds little to BM25 and costs the most to read).
    /// </summary>
    public static async Task<KnowledgeTermPlan> PlanAsync(CrmDbContext db, Guid tenantId, IReadOnlyCollection<string> terms, int budget, int minimum, CancellationToken ct)
    {
        var rows = await CountsAsync(db, tenantId, terms, ct);
        return rows.Count == 0 ? KnowledgeTermPlan.Empty : Plan(rows, budget, minimum);
    }

    /// <summary>
    /// The workspace's chunk count of each of <paramref name="terms"/> it holds, and under <c>""</c> its searchable chunks;
    /// empty when <paramref name="terms"/> is.
    /// </summary>
    public static async Task<Dictionary<string, int>> CountsAsync(CrmDbContext db, Guid tenantId, IReadOnlyCollection<string> terms, CancellationToken ct)
    {
        var wanted = terms.Where(t => t.Length > 0).Distinct().ToList();
        if (wanted.Count == 0) return [];
        wanted.Add("");
        return await db.KnowledgeTerms.AsNoTracking().Where(t => t.TenantId == tenantId && wanted.Contains(t.Term))
            .Select(t => new { t.Term, t.Chunks }).ToDictionaryAsync(t => t.Term, t => t.Chunks, ct);
    }

    /// <summary>The plan from chunk counts per term (<c>""</c> = the workspace's searchable chunks).</summary>
    public static KnowledgeTermPlan Plan(IReadOnlyDictionary<string, int> chunksPerTerm, int budget, int minimum)
    {
        var n = chunksPerTerm.GetValueOrDefault("");
        var known = chunksPerTerm.Where(x => x.Key.Length > 0 && x.Value > 0).OrderBy(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
        var idf = known.ToDictionary(x => x.Key, x => Math.Log(1 + (Math.Max(n, x.Value) - x.Value + 0.5) / (x.Value + 0.5)));
        var match = new List<string>();
        var postings = 0;
        foreach (var (term, chunks) in known)
        {
            if (match.Count >= minimum && postings + chunks > budget) break;
            match.Add(term);
            postings += chunks;
        }
        return new KnowledgeTermPlan(match, idf, postings);
    }
}
