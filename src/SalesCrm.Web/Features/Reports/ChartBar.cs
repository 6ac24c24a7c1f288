namespace SalesCrm.Web.Features.Reports;

/// <summary>One bar (or group of bars, one value per series) of a <see cref="ReportChart"/>: its label, values and the drill-down URL of the leads behind it (null: not clickable).</summary>
public sealed record ChartBar(string Label, IReadOnlyList<double> Values, string? Leads = null, bool Highlight = false);
