using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Analytics;

/// <summary>The columns of a lead (with its stage's probability) that <see cref="LeadCube"/> groups and sums, projected in SQL.</summary>
public sealed class CubeRow
{
    public Guid Id { get; init; }
    public LeadSource Source { get; init; }
    public string? UtmSource { get; init; }
    public string? UtmMedium { get; init; }
    public string? UtmCampaign { get; init; }
    public Guid? OwnerId { get; init; }
    public Guid PipelineId { get; init; }
    public Guid StageId { get; init; }
    public LeadStatus Status { get; init; }
    public LeadPriority Priority { get; init; }
    public long ValueCents { get; init; }
    public string Currency { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public int Probability { get; init; }
}
