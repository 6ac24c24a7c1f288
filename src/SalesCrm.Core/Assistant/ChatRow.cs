using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Assistant;

/// <summary>What the chat's own queries read of a closing or an open deal, projected in SQL; money in minor units of <see cref="Currency"/>.</summary>
internal sealed class ChatRow
{
    public Guid LeadId { get; init; }
    public LeadStatus Status { get; init; }
    public DateTime At { get; init; }
    public Guid? OwnerId { get; init; }
    public Guid StageId { get; init; }
    public LeadSource Source { get; init; }
    public string? UtmCampaign { get; init; }
    public long ValueCents { get; init; }
    public string Currency { get; init; } = "";
}
