namespace SalesCrm.Core.Leads;

/// <summary>A board column's header figures: how many leads and their value (in the workspace's currency units).</summary>
public sealed record StageTotals(int Count, decimal Value);
