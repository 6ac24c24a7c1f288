using SalesCrm.Core.Common;

namespace SalesCrm.Core.Knowledge;

/// <summary>A previous version of a document, kept readable after an edit replaced it.</summary>
public sealed class KnowledgeDocumentVersion : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid DocumentId { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string Content { get; set; }
    /// <summary>Who wrote this version and when (the document's updater at that time).</summary>
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
