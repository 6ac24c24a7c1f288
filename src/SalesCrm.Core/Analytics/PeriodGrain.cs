namespace SalesCrm.Core.Analytics;

/// <summary>How a period is cut: days, ISO weeks (Monday first) or calendar months, in the workspace's zone.</summary>
public enum PeriodGrain { Day, Week, Month }
