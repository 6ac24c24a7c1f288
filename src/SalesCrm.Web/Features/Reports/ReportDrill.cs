namespace SalesCrm.Web.Features.Reports;

/// <summary>A click into a figure: what was clicked (shown as the lead list's title) and the drill-down URL of its leads (see <see cref="ReportLeads"/>).</summary>
public sealed record ReportDrill(string Title, string Url);
