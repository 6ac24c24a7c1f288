using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Reads the workspace's term statistics (<see cref="KnowledgeTerm"/>, kept by triggers) and plans a full-text query
/// from them: the same on both providers, so both drop the same common terms (ADR 025).
/// </summary>
public static class KnowledgeTermStatistics
{
    /// <summary>Counts already read through a context that <see cref="Remember"/> was called on (-1: the workspace does not hold the term).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CrmDbContext, Tuple<Guid, Dictionary<string, int>>> Remembered = new();

    /// <summary>
    /// From now on, <see cref="CountsAsync"/> through <paramref name="db"/> reads each term of <paramref name="tenantId"/>
    /// once and answers again from memory: one search asks for the same terms several times (each signal's plan, the idf,
    /// the feedback). Only for a context that reads and does not write chunks, and lives as long as one search.
    /// </summary>
    public static void Remember(CrmDbContext db, Guid tenantId) =>
        Remembered.AddOrUpdate(db, Tuple.Create(tenantId, new Dictionary<string, int>(StringComparer.Ordinal)));

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
        if (!Remembered.TryGetValue(db, out var remembered) || remembered.Item1 != tenantId)
            return await ReadAsync(db, tenantId, wanted, ct);
        var known = remembered.Item2;
        var missing = wanted.Where(t => !known.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            var read = await ReadAsync(db, tenantId, missing, ct);
            foreach (var term in missing) known[term] = read.GetValueOrDefault(term, -1);
        }
        return wanted.Where(t => known[t] >= 0).ToDictionary(t => t, t => known[t], StringComparer.Ordinal);
    }

    private static async Task<Dictionary<string, int>> ReadAsync(CrmDbContext db, Guid tenantId, List<string> terms, CancellationToken ct) =>
        await db.KnowledgeTerms.AsNoTracking().Where(t => t.TenantId == tenantId && terms.Contains(t.Term))
            .Select(t => new { t.Term, t.Chunks }).ToDictionaryAsync(t => t.Term, t => t.Chunks, ct);

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
