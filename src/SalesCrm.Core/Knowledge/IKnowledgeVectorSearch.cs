namespace SalesCrm.Core.Knowledge;

/// <summary>
/// The vector signal's seam: chunks nearest to the question's embedding. Until embeddings are generated
/// (<see cref="NoKnowledgeVectors"/>) it finds nothing and every hit's <see cref="KnowledgeSignals.Vector"/> is null.
/// </summary>
public interface IKnowledgeVectorSearch
{
    Task<IReadOnlyList<KnowledgeIndexHit>> NearestAsync(Guid tenantId, string query, int limit, CancellationToken ct);
}

/// <summary>No embeddings configured: the vector signal is absent.</summary>
public sealed class NoKnowledgeVectors : IKnowledgeVectorSearch
{
    public Task<IReadOnlyList<KnowledgeIndexHit>> NearestAsync(Guid tenantId, string query, int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<KnowledgeIndexHit>>([]);
}
