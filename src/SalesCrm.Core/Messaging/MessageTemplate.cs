using SalesCrm.Core.Common;

namespace SalesCrm.Core.Messaging;

/// <summary>A WhatsApp message template: the only way to start (or resume) a conversation outside the 24-hour window.</summary>
public sealed class MessageTemplate : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    /// <summary>The template's name as registered with WhatsApp (lower case, digits, underscores).</summary>
    public required string Name { get; set; }
    public TemplateCategory Category { get; set; } = TemplateCategory.Utility;
    /// <summary>WhatsApp language code, e.g. <c>pt_BR</c>.</summary>
    public string Language { get; set; } = "pt_BR";
    /// <summary>Text with <c>{{variables}}</c>: lead_name, first_name, company, owner_name, value, or any the sender supplies.</summary>
    public required string Body { get; set; }
    public TemplateStatus Status { get; set; } = TemplateStatus.Approved;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
