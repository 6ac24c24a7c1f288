namespace SalesCrm.Core.Insights;

/// <summary>An insight's title, description and recommendation in the workspace's language.</summary>
public sealed record InsightText(string Title, string Description, string Recommendation);
