namespace SalesCrm.Core.Insights;

public enum InsightPriority { Low, Medium, High, Critical }
