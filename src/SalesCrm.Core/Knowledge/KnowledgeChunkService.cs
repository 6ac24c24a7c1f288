using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Chunks of the workspace's documents: listed and read with <c>copilot.use</c>; added, edited (re-indexed in the same
/// save), disabled or deleted with <c>knowledge.manage</c>. An edit of the document re-chunks it and replaces hand edits.
/// </summary>
public sealed class KnowledgeChunkService(
    IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time, KnowledgeEmbeddingModel embeddings, KnowledgeEmbeddingSignal embeddingSignal,
    Microsoft.Extensions.Options.IOptions<KnowledgeChunkerOptions> chunking)
{
    /// <summary>Most characters a chunk's text may have: the chunker's size limit, so a hand-written chunk is no bigger than a cut one.</summary>
    public int MaxTextLength => chunking.Value.MaxChars;

    /// <summary>
    /// Chunks in document order (document, then ordinal). <see cref="KnowledgeChunkQuery.HasEmbedding"/> asks for chunks
    /// with (or without) a current vector of the configured model: none, another model's or one of since-edited text count as without.
    /// </summary>
    public async Task<Paged<KnowledgeChunkDto>> ListAsync(KnowledgeChunkQuery filter, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireReadAsync(ct);
        page = page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.KnowledgeChunks.AsNoTracking();
        if (filter.DocumentId is { } documentId) query = query.Where(c => c.DocumentId == documentId);
        if (filter.Enabled is { } enabled) query = query.Where(c => c.Enabled == enabled);
        var model = embeddings.Name;
        if (filter.HasEmbedding is { } has)
            query = has ? query.WithCurrentVector(db.KnowledgeChunkEmbeddings, model) : query.WithoutCurrentVector(db.KnowledgeChunkEmbeddings, model);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.DocumentId).ThenBy(c => c.Ordinal).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<KnowledgeChunkDto>(await ToDtosAsync(db, rows, ct), total, page.Limit, page.Offset);
    }

    public async Task<KnowledgeChunkDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireReadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chunk = await db.KnowledgeChunks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Chunk", id);
        return (await ToDtosAsync(db, [chunk], ct))[0];
    }

    /// <summary>Adds a hand-written chunk at the end of a document.</summary>
    /// <exception cref="ValidationException">No document id, or no text or a text longer than the chunker's limit (<see cref="MaxTextLength"/>).</exception>
    public async Task<KnowledgeChunkDto> CreateAsync(KnowledgeChunkInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        var v = new Validator().When(input.DocumentId is null, "document_id", "is required.");
        v.Require("text", input.Text?.Trim(), MaxTextLength);
        v.ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await db.KnowledgeDocuments.FirstOrDefaultAsync(d => d.Id == input.DocumentId, ct) ?? throw new NotFoundException("Document", input.DocumentId);
        var last = await db.KnowledgeChunks.Where(c => c.DocumentId == document.Id).MaxAsync(c => (int?)c.Ordinal, ct) ?? -1;
        var chunk = new KnowledgeChunk { Text = input.Text!.Trim(), HeadingPath = (input.HeadingPath ?? []).ToList(), Ordinal = last + 1, Enabled = input.Enabled ?? true, Edited = true };
        KnowledgeChunkIndexing.Fill(chunk, document, time.GetUtcNow().UtcDateTime);
        db.KnowledgeChunks.Add(chunk);
        await db.SaveChangesAsync(ct);
        embeddingSignal.Notify();
        return KnowledgeChunkDto.From(chunk, null);
    }

    /// <summary>Edits a chunk's text or headings (re-indexed; its vector no longer counts until the job embeds the new text) or enables/disables it.</summary>
    public async Task<KnowledgeChunkDto> UpdateAsync(Guid id, KnowledgeChunkInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        var v = new Validator();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chunk = await db.KnowledgeChunks.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Chunk", id);
        var text = input.Text?.Trim();
        var textChanged = (text is not null && text != chunk.Text) || (input.HeadingPath is not null && !input.HeadingPath.SequenceEqual(chunk.HeadingPath));
        // A chunk the chunker cut longer (one sentence past the limit is kept whole) may be saved as it is, not made longer.
        if (text is not null && text != chunk.Text) v.Require("text", text, Math.Max(MaxTextLength, chunk.Text.Length));
        v.ThrowIfInvalid();
        // A body that changes nothing changes nothing: same updated_at, no re-index.
        if (!textChanged && (input.Enabled is null || input.Enabled == chunk.Enabled)) return (await ToDtosAsync(db, [chunk], ct))[0];
        var document = await db.KnowledgeDocuments.FirstAsync(d => d.Id == chunk.DocumentId, ct);
        if (textChanged)
        {
            chunk.Text = text ?? chunk.Text;
            chunk.HeadingPath = input.HeadingPath?.ToList() ?? chunk.HeadingPath;
            chunk.Edited = true;
        }
        if (input.Enabled is { } enabled) chunk.Enabled = enabled;
        KnowledgeChunkIndexing.Fill(chunk, document, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        embeddingSignal.Notify();
        return (await ToDtosAsync(db, [chunk], ct))[0];
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chunk = await db.KnowledgeChunks.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Chunk", id);
        db.KnowledgeChunks.Remove(chunk);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The chunks with their current vector's model, dimensions and time (null when they have none).</summary>
    private async Task<List<KnowledgeChunkDto>> ToDtosAsync(CrmDbContext db, List<KnowledgeChunk> chunks, CancellationToken ct)
    {
        var ids = chunks.Select(c => c.Id).ToList();
        var model = embeddings.Name;
        var vectors = await db.KnowledgeChunkEmbeddings.AsNoTracking().Where(e => ids.Contains(e.ChunkId) && e.Model == model)
            .Select(e => new { e.ChunkId, e.SourceKey, e.Dimensions, e.CreatedAt }).ToDictionaryAsync(e => e.ChunkId, ct);
        return chunks.Select(c => KnowledgeChunkDto.From(c, vectors.TryGetValue(c.Id, out var v) && v.SourceKey == c.EmbeddingKey
            ? new KnowledgeChunkDto.Vector(model, v.Dimensions, v.CreatedAt) : null)).ToList();
    }
}
