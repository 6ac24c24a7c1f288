namespace SalesCrm.Core.Knowledge;

/// <summary>How documents are cut into chunks (configuration section <c>Knowledge:Chunking</c>).</summary>
public sealed class KnowledgeChunkerOptions
{
    /// <summary>Target maximum characters per chunk; a single sentence longer than this is kept whole.</summary>
    [System.ComponentModel.DataAnnotations.Range(200, 8000)]
    public int MaxChars { get; set; } = 1200;

    /// <summary>Characters of whole sentences repeated from the end of the previous chunk when a section is split.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 2000)]
    public int OverlapChars { get; set; } = 200;
}
