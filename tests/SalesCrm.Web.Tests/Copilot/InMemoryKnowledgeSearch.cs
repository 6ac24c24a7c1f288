using System.Collections.Concurrent;
using SalesCrm.Core.Common;
using SalesCrm.Core.Copilot;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>
/// A stand-in for the knowledge base's search, so the copilot's own tests choose exactly which passages come back (the
/// real search is exercised by <c>OllamaCopilotTests</c>, the knowledge tests and the E2E journey): chunks per workspace
/// in memory, ranked by shared word stems; feedback calls are recorded. Scoped, reading the caller's workspace like the real one.
/// </summary>
public sealed class InMemoryKnowledgeSearch(KnowledgeStore store, ICurrentUser user) : IKnowledgeSearch
{
    public Task<IReadOnlyList<KnowledgeSearchHit>> SearchAsync(KnowledgeSearchRequest request, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.Query)) throw new ValidationException("query", "is required.");
        var query = CopilotText.Stems(request.Query);
        var tenant = user.RequireTenant();
        IReadOnlyList<KnowledgeSearchHit> hits = store.Chunks(tenant)
            .Select(c => (Chunk: c, Score: (double)CopilotText.Stems(c.DocumentTitle + " " + c.Text).Count(query.Contains)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Chunk.DocumentTitle, StringComparer.Ordinal)
            .Take(request.Limit)
            .Select(x => x.Chunk with { Score = x.Score, Signals = new KnowledgeSignals(x.Score, 0) })
            .ToList();
        return Task.FromResult(hits);
    }

    public Task RecordFeedbackAsync(IReadOnlyCollection<Guid> chunkIds, bool positive, string? question = null, CancellationToken ct = default)
    {
        store.Feedback.Enqueue((user.RequireTenant(), chunkIds.ToList(), positive));
        return Task.CompletedTask;
    }
}

/// <summary>The chunks and the feedback calls of <see cref="InMemoryKnowledgeSearch"/>, shared by the app and the test.</summary>
public sealed class KnowledgeStore
{
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<KnowledgeSearchHit>> _chunks = new();

    public ConcurrentQueue<(Guid TenantId, List<Guid> ChunkIds, bool Positive)> Feedback { get; } = new();

    public IEnumerable<KnowledgeSearchHit> Chunks(Guid tenantId) => _chunks.TryGetValue(tenantId, out var chunks) ? chunks : [];

    /// <summary>Adds one document of one chunk to a workspace; returns the chunk.</summary>
    public KnowledgeSearchHit Add(Guid tenantId, string title, KnowledgeDocumentType type, string text, params string[] headings)
    {
        var hit = new KnowledgeSearchHit(Guid.NewGuid(), Guid.NewGuid(), title, type, headings, text, 0, new KnowledgeSignals(0, 0));
        _chunks.GetOrAdd(tenantId, _ => new()).Enqueue(hit);
        return hit;
    }
}
