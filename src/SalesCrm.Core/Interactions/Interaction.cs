using SalesCrm.Core.Common;

namespace SalesCrm.Core.Interactions;

/// <summary>One entry of a lead's timeline.</summary>
public sealed class Interaction : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public InteractionType Type { get; set; }
    public Guid? AuthorId { get; set; }
    public string? AuthorName { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? Text { get; set; }
    public int? DurationSeconds { get; set; }
    public string? Outcome { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The workflow step that wrote this entry (its idempotency key): a resumed step finds it instead of writing it twice.</summary>
    public string? WorkflowStepKey { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
}

public enum InteractionType { Call, Whatsapp, Email, Meeting, Visit, Note, Audio, Photo, StatusChange }

/// <summary>A file kept by the storage abstraction and served only to members of the tenant.</summary>
public sealed class Attachment : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid InteractionId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StorageKey { get; set; }
    public DateTime CreatedAt { get; set; }
}
