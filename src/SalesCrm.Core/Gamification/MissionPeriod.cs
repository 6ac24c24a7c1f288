namespace SalesCrm.Core.Gamification;

/// <summary>How long a mission runs before it starts again, in the workspace's zone (weeks start on Monday).</summary>
public enum MissionPeriod { Day, Week, Month }
