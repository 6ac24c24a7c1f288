namespace SalesCrm.Core.Analytics;

/// <summary>One spend entry to store: campaign (<c>utm_campaign</c>), month (<c>yyyy-MM</c>), amount in major units, currency (default the workspace's).</summary>
public sealed record SpendInput(string? Campaign, string? Month, decimal? Amount, string? Currency = null);
