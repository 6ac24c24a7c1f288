using SalesCrm.Core.Common;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// A playbook document (script, FAQ, objection handler…). Its <see cref="Content"/> is the current version; every edit
/// keeps the previous one as a <see cref="KnowledgeDocumentVersion"/> and re-chunks it in the same transaction.
/// </summary>
public sealed class KnowledgeDocument : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public required string Title { get; set; }
    public KnowledgeDocumentType Type { get; set; }
    /// <summary><c>pt-BR</c>, <c>en</c> or <c>es</c>.</summary>
    public string Language { get; set; } = KnowledgeLanguages.Portuguese;
    public List<string> Tags { get; set; } = [];
    public KnowledgeMetadata Metadata { get; set; } = new();
    public KnowledgeDocumentStatus Status { get; set; } = KnowledgeDocumentStatus.Published;
    /// <summary>1 on creation, +1 on every edit of title or content.</summary>
    public int Version { get; set; } = 1;
    /// <summary>The text (Markdown or plain) as pasted or extracted from the uploaded file.</summary>
    public required string Content { get; set; }
    public string? SourceFileName { get; set; }
    public string? SourceMediaType { get; set; }
    public Guid? CreatedBy { get; set; }
    public Guid? UpdatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
