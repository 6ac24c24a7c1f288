using SalesCrm.Core.Common;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// A passage of a document as search sees it. The <c>Search*</c> columns are the analysed text the provider's indexes
/// read (kept by triggers on SQLite, generated columns on PostgreSQL), written together with the chunk.
/// </summary>
public sealed class KnowledgeChunk : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid DocumentId { get; set; }
    /// <summary>0-based position in the document.</summary>
    public int Ordinal { get; set; }
    /// <summary>The headings above the passage, outermost first.</summary>
    public List<string> HeadingPath { get; set; } = [];
    public required string Text { get; set; }
    public int CharCount { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>True once someone edited the chunk's text by hand (an edit of the document re-chunks it and drops that).</summary>
    public bool Edited { get; set; }
    /// <summary>Published document and enabled chunk: the only chunks search reads.</summary>
    public bool Searchable { get; set; }
    /// <summary>Analysed title and headings (folded, stemmed, no stopwords): weighted above the body.</summary>
    public string SearchHeading { get; set; } = "";
    /// <summary>Analysed body text.</summary>
    public string SearchBody { get; set; } = "";
    /// <summary>Folded (lower case, no accents) title, headings and text, for the character-trigram signal.</summary>
    public string SearchText { get; set; } = "";
    /// <summary>The document's language, which picks the PostgreSQL text-search configuration.</summary>
    public string Language { get; set; } = KnowledgeLanguages.Portuguese;
    /// <summary>
    /// <see cref="KnowledgeEmbeddingText.Key"/> of what an embedding model reads for this chunk (title, headings, text):
    /// a stored <see cref="KnowledgeChunkEmbedding"/> with another key is stale.
    /// </summary>
    public long EmbeddingKey { get; set; }
    /// <summary>
    /// <see cref="KnowledgeText.AnalyserVersion"/> the <c>Search*</c> columns were computed with (0 = before versions were
    /// stamped): <see cref="KnowledgeReanalysis"/> reads only chunks stamped with an older one.
    /// </summary>
    public int AnalyserVersion { get; set; }
    public DateTime UpdatedAt { get; set; }
}
