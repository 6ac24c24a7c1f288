using SalesCrm.Core.Common;

namespace SalesCrm.Core.Analytics;

/// <summary>What a campaign (<c>utm_campaign</c>) cost in one month, entered by hand or from a CSV: the basis of cost per lead, CAC and ROI.</summary>
public sealed class MarketingSpend : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    /// <summary>The <c>utm_campaign</c> value the leads carry (compared ignoring case).</summary>
    public required string Campaign { get; set; }
    /// <summary>The first day of the month the amount was spent in.</summary>
    public DateOnly Month { get; set; }
    /// <summary>Minor units of <see cref="Currency"/>.</summary>
    public long AmountCents { get; set; }
    public string Currency { get; set; } = "BRL";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
