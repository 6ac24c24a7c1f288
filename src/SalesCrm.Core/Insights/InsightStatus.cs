namespace SalesCrm.Core.Insights;

/// <summary><c>new</c> until a member dismisses it or marks it done.</summary>
public enum InsightStatus { New, Dismissed, Done }
