namespace SalesCrm.Core.Analytics;

/// <summary>What a lead figure can be grouped by: a lead field, or the day / week / month (in the workspace's zone) the lead was created.</summary>
public enum LeadDimension { Source, UtmSource, UtmMedium, UtmCampaign, Owner, Pipeline, Stage, Status, Priority, Day, Week, Month }
