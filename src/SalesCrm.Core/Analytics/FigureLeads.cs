namespace SalesCrm.Core.Analytics;

/// <summary>The leads behind a count of messages: how many distinct (visible, not deleted) leads, and the drill-down URL that lists exactly them.</summary>
public sealed record FigureLeads(int Count, string Url);
