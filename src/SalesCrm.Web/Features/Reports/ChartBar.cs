namespace SalesCrm.Web.Features.Reports;

/// <summary>
/// One bar (or group of bars, one value per series) of a <see cref="ReportChart"/>: its label, values and the drill-down URL of the leads
/// behind it (null: not clickable); <see cref="SeriesLeads"/> gives each series its own leads (won vs lost of a month), a null entry
/// falling back to <see cref="Leads"/>.
/// </summary>
public sealed record ChartBar(string Label, IReadOnlyList<double> Values, string? Leads = null, bool Highlight = false, IReadOnlyList<string?>? SeriesLeads = null)
{
    /// <summary>The leads behind series <paramref name="series"/> of this bar, or null when there is nothing to drill into.</summary>
    public string? LeadsOf(int series) => SeriesLeads is { } each && series < each.Count && each[series] is { } url ? url : Leads;
}
