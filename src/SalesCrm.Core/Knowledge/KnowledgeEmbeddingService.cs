using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// The workspace's embedding progress (read with <c>copilot.use</c> or <c>knowledge.manage</c>) and the request to
/// generate now (<c>knowledge.manage</c>). The work itself is the background job's (<see cref="KnowledgeEmbeddingJob"/>).
/// </summary>
public sealed class KnowledgeEmbeddingService(
    IDbContextFactory<CrmDbContext> dbFactory, AccessService access, KnowledgeEmbeddingModel model, KnowledgeEmbeddingState state, KnowledgeEmbeddingSignal signal)
{
    /// <summary>Counts of the workspace's searchable chunks, embedded and pending for the configured model.</summary>
    public async Task<KnowledgeEmbeddingProgress> ProgressAsync(CancellationToken ct = default)
    {
        await access.RequireReadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var searchable = db.KnowledgeChunks.Where(c => c.Searchable);
        var total = await searchable.CountAsync(ct);
        if (!model.Configured) return new KnowledgeEmbeddingProgress(null, null, total, 0, total, false, "none");
        var name = model.Name;
        var embedded = await searchable.WithCurrentVector(db.KnowledgeChunkEmbeddings, name).CountAsync(ct);
        var dimensions = await db.KnowledgeChunkEmbeddings.Where(e => e.Model == name).MaxAsync(e => (int?)e.Dimensions, ct) ?? model.DeclaredDimensions;
        var pending = total - embedded;
        var failure = pending > 0 ? state.LastFailure : null;
        return new KnowledgeEmbeddingProgress(name, dimensions, total, embedded, pending, pending > 0, model.Options.Provider.ToLowerInvariant(), failure?.Message, failure?.RetryAt);
    }

    /// <summary>
    /// Wakes the background job for this workspace's pending chunks (a provider error's wait included); with
    /// <paramref name="regenerate"/>, the workspace's vectors of the current model are dropped first so every chunk is embedded again.
    /// </summary>
    /// <exception cref="ConflictException"><c>EMBEDDINGS_NOT_CONFIGURED</c>: the provider is <c>none</c>.</exception>
    public async Task<KnowledgeEmbeddingProgress> GenerateAsync(bool regenerate, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        if (!model.Configured)
            throw new ConflictException("No embedding provider is configured: set Knowledge:Embeddings:Provider to minilm (offline), openai or ollama.", ErrorCodes.EmbeddingsNotConfigured);
        if (regenerate)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var name = model.Name;
            await db.KnowledgeChunkEmbeddings.Where(e => e.Model == name).ExecuteDeleteAsync(ct);
        }
        signal.Notify();
        return await ProgressAsync(ct);
    }
}
