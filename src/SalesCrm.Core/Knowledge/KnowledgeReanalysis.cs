using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// Brings chunks indexed before a change of the analysis (<see cref="KnowledgeText"/>: chat spellings, stopwords, stems,
/// concept terms) up to date: their analysed columns are computed again from their text and document, and a chunk is
/// written only when they differ. The write goes through the same triggers as an edit, so the provider's index and the
/// term statistics follow in the same transaction. Across every workspace (a background job), a batch of documents at a time.
/// Only chunks stamped with an older <see cref="KnowledgeText.AnalyserVersion"/> are read; after a start with an unchanged
/// analyser the pass is one empty index lookup.
/// </summary>
public sealed class KnowledgeReanalysis(IDbContextFactory<CrmDbContext> dbFactory)
{
    /// <summary>
    /// Re-analyses the chunks stamped with an older analyser of up to <paramref name="documents"/> documents (any workspace)
    /// whose id sorts after <paramref name="after"/> (null = from the start), in id order, and stamps them with the current
    /// one. Returns the last document read (null once none is left) and how many chunks' analysed columns were rewritten.
    /// </summary>
    public async Task<(Guid? Last, int Rewritten)> RunBatchAsync(Guid? after, int documents, CancellationToken ct)
    {
        const int current = KnowledgeText.AnalyserVersion;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.KnowledgeChunks.IgnoreQueryFilters().Where(c => c.AnalyserVersion < current).Select(c => c.DocumentId).Distinct().ToListAsync(ct);
        var batch = ids.Order().SkipWhile(id => after is { } a && id.CompareTo(a) <= 0).Take(documents).ToList();
        if (batch.Count == 0) return (null, 0);
        var docs = await db.KnowledgeDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => batch.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var chunks = await db.KnowledgeChunks.IgnoreQueryFilters().Where(c => batch.Contains(c.DocumentId) && c.AnalyserVersion < current).ToListAsync(ct);
        var rewritten = 0;
        foreach (var chunk in chunks)
        {
            if (Reanalyse(chunk, docs[chunk.DocumentId])) rewritten++;
        }
        await db.SaveChangesAsync(ct);
        return (batch[^1], rewritten);
    }

    /// <summary>Sets the chunk's analysed columns from its text and document and stamps the current analyser; true when any column changed.</summary>
    public static bool Reanalyse(KnowledgeChunk chunk, KnowledgeDocument document)
    {
        var (heading, body, text) = KnowledgeChunkIndexing.Analyse(chunk, document);
        chunk.AnalyserVersion = KnowledgeText.AnalyserVersion;
        if (chunk.SearchHeading == heading && chunk.SearchBody == body && chunk.SearchText == text) return false;
        (chunk.SearchHeading, chunk.SearchBody, chunk.SearchText) = (heading, body, text);
        return true;
    }
}
