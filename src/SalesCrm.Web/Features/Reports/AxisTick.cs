namespace SalesCrm.Web.Features.Reports;

/// <summary>A gridline of <see cref="ReportBarChart"/>'s value axis: its height in SVG units and its label.</summary>
public sealed record AxisTick(double Y, string Label);
