namespace SalesCrm.Core.Knowledge;

/// <summary>Upload and content limits (configuration section <c>Knowledge</c>).</summary>
public sealed class KnowledgeFileOptions
{
    /// <summary>Largest accepted upload, in bytes (default 10 MB).</summary>
    [System.ComponentModel.DataAnnotations.Range(1024, 200_000_000)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Longest document text, in characters, pasted or extracted (default 500,000).</summary>
    [System.ComponentModel.DataAnnotations.Range(1000, 10_000_000)]
    public int MaxContentChars { get; set; } = 500_000;
}
