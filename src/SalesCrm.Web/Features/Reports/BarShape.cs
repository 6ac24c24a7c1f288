namespace SalesCrm.Web.Features.Reports;

/// <summary>A bar as <see cref="ReportBarChart"/> draws it, in the SVG's user units: which bar and series it is, where it sits, its tooltip and value label.</summary>
public sealed record BarShape(int Bar, int Series, double X, double Y, double Width, double Height, string Tooltip, string ValueLabel, bool Clickable);
