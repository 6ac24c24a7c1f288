namespace SalesCrm.Core.Insights;

/// <summary>The thresholds of the offline rules (ADR 029), in one place so the texts, the tests and the README agree.</summary>
public static class InsightRules
{
    /// <summary>At most this many lead ids are kept in an insight's evidence; the count covers them all.</summary>
    public const int MaxLeads = 50;
    /// <summary>A stage's forward rate must fall by this share (0..1) of its previous value.</summary>
    public const decimal ConversionDropShare = 0.30m;
    /// <summary>Deals that left the stage in each period, at least, before a conversion change is trusted.</summary>
    public const int MinStageExits = 10;
    public const int HotScore = 70;
    public const int UnansweredHours = 24;
    /// <summary>A rep's average response time must grow by at least this factor.</summary>
    public const decimal ResponseTimeFactor = 2m;
    /// <summary>Replies in each period, at least, before a rep's average is compared.</summary>
    public const int MinReplies = 5;
    /// <summary>A deal is stalled after this many days without a stage move or an interaction.</summary>
    public const int StalledDays = 14;
    /// <summary>"High value": the open deals at or above this quantile of open deal values (in the workspace's currency).</summary>
    public const double HighValueQuantile = 0.75;
    /// <summary>Open deals with a value, at least, before a quantile means anything.</summary>
    public const int MinValuedDeals = 4;

    /// <summary>The built-in rules, in the order their insights are listed.</summary>
    public static IReadOnlyList<IInsightRule> All { get; } =
        [new HotLeadsUnansweredRule(), new ConversionDropRule(), new ResponseTimeUpRule(), new OverdueCloseDatesRule(), new StalledHighValueRule()];
}
