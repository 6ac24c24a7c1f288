namespace SalesCrm.Core.Insights;

/// <summary>The rule that found an insight.</summary>
public enum InsightKind
{
    /// <summary>The share of deals leaving a stage forward fell by 30 % or more against the previous 30 days.</summary>
    ConversionDrop,
    /// <summary>Hot leads (priority high/urgent or score ≥ 70) waiting for a reply for 24 hours or more.</summary>
    HotLeadsUnanswered,
    /// <summary>A rep's average response time doubled against the previous 30 days.</summary>
    ResponseTimeUp,
    /// <summary>Open deals whose expected close date has passed.</summary>
    OverdueCloseDates,
    /// <summary>Open deals in the top quarter by value with nothing happening for 14 days.</summary>
    StalledHighValue,
}
