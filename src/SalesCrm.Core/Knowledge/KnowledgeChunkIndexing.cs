namespace SalesCrm.Core.Knowledge;

/// <summary>Fills a chunk's search columns from its text and its document; called on every write of either, in the same save.</summary>
public static class KnowledgeChunkIndexing
{
    public static void Fill(KnowledgeChunk chunk, KnowledgeDocument document, DateTime now)
    {
        chunk.TenantId = document.TenantId;
        chunk.DocumentId = document.Id;
        chunk.Language = document.Language;
        chunk.CharCount = chunk.Text.Length;
        chunk.Searchable = chunk.Enabled && document.Status == KnowledgeDocumentStatus.Published;
        (chunk.SearchHeading, chunk.SearchBody, chunk.SearchText) = Analyse(chunk, document);
        chunk.AnalyserVersion = KnowledgeText.AnalyserVersion;
        chunk.EmbeddingKey = KnowledgeEmbeddingText.Key(KnowledgeEmbeddingText.For(document.Title, chunk.HeadingPath, chunk.Text));
        chunk.UpdatedAt = now;
    }

    /// <summary>The analysed heading (title + headings), body and folded text search reads for the chunk (<see cref="KnowledgeText"/>).</summary>
    public static (string Heading, string Body, string Text) Analyse(KnowledgeChunk chunk, KnowledgeDocument document)
    {
        var headings = string.Join(' ', chunk.HeadingPath);
        return (KnowledgeText.Analyze(document.Title + " " + headings), KnowledgeText.Analyze(chunk.Text),
            KnowledgeText.Fold(document.Title + " " + headings + " " + chunk.Text));
    }

    /// <summary>
    /// Replaces the document's chunks with a fresh cut of its content. A chunk whose text is unchanged keeps its id,
    /// embedding, state and feedback; the others are new (no embedding yet).
    /// </summary>
    public static void Rechunk(KnowledgeDocument document, List<KnowledgeChunk> existing, KnowledgeChunkerOptions options, DateTime now,
        Action<KnowledgeChunk> add, Action<KnowledgeChunk> remove)
    {
        var drafts = KnowledgeChunker.Split(document.Content, options);
        var reusable = existing.GroupBy(c => (c.Text, string.Join('\u001f', c.HeadingPath))).ToDictionary(g => g.Key, g => new Queue<KnowledgeChunk>(g));
        var kept = new HashSet<Guid>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var key = (draft.Text, string.Join('\u001f', draft.HeadingPath));
            if (reusable.TryGetValue(key, out var queue) && queue.Count > 0)
            {
                var chunk = queue.Dequeue();
                chunk.Ordinal = i;
                Fill(chunk, document, now);
                kept.Add(chunk.Id);
            }
            else
            {
                var chunk = new KnowledgeChunk { Text = draft.Text, HeadingPath = draft.HeadingPath.ToList(), Ordinal = i };
                Fill(chunk, document, now);
                add(chunk);
            }
        }
        foreach (var old in existing.Where(c => !kept.Contains(c.Id))) remove(old);
    }
}
