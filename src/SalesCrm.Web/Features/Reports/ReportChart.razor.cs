using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SalesCrm.Core.Analytics;

namespace SalesCrm.Web.Features.Reports;

/// <summary>
/// A dashboard chart: a <see cref="ReportBarChart"/> over <see cref="Bars"/> with the same figures as a table beneath (readable, printable),
/// where a click on a bar (or Enter on it, or its label in the table) raises <see cref="OnDrill"/> with the leads behind it; CSV and XLSX of the table through
/// <see cref="ReportExport"/>; an empty state that says what to do when every value is zero.
/// </summary>
public partial class ReportChart
{
    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>A short id for test ids and file names (<c>pipeline-value</c>).</summary>
    [Parameter, EditorRequired] public string Id { get; set; } = "";
    [Parameter, EditorRequired] public string Title { get; set; } = "";
    [Parameter] public string? Subtitle { get; set; }
    /// <summary>The first column's header (what a bar is: stage, source, month).</summary>
    [Parameter] public string Dimension { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyList<string> Series { get; set; } = [];
    [Parameter, EditorRequired] public IReadOnlyList<ChartBar> Bars { get; set; } = [];
    /// <summary>Formats a value of series <c>s</c> for the table (money, minutes); default a plain number.</summary>
    [Parameter] public Func<int, double, string>? Format { get; set; }
    [Parameter, EditorRequired] public string EmptyText { get; set; } = "";
    [Parameter] public string? HighlightText { get; set; }
    [Parameter] public EventCallback<ReportDrill> OnDrill { get; set; }
    /// <summary>The value axis' unit (R$, leads, min, %): one per chart, so a count never sits on a money axis (ADR 036).</summary>
    [Parameter] public string? Unit { get; set; }
    /// <summary>Axis and on-bar labels; default compact (1.5k).</summary>
    [Parameter] public Func<double, string>? AxisFormat { get; set; }
    /// <summary>Size of the chart in SVG units (it scales with the card's width): a chart across the whole page takes <c>Width="1100"</c>.</summary>
    [Parameter] public double Width { get; set; } = 640;
    [Parameter] public double Height { get; set; } = 260;
    [Parameter] public RenderFragment? ChildContent { get; set; }

    /// <summary>No bar, or every value zero: nothing to chart.</summary>
    public bool IsEmpty => Bars.Count == 0 || Bars.All(b => b.Values.All(v => v == 0));

    private string FormatValue(int series, double value) => Format?.Invoke(series, value) ?? value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>The leads behind bar <c>Bar</c>'s series <c>Series</c>, titled by chart and bar (and series, when each has its own leads).</summary>
    private Task DrillAsync((int Bar, int Series) target)
    {
        var (index, series) = target;
        if (index < 0 || index >= Bars.Count || Bars[index].LeadsOf(series) is not { } url) return Task.CompletedTask;
        var bar = Bars[index];
        var title = bar.SeriesLeads?.ElementAtOrDefault(series) is not null && series < Series.Count
            ? $"{Title} · {bar.Label} · {Series[series]}" : $"{Title} · {bar.Label}";
        return OnDrill.InvokeAsync(new ReportDrill(title, url));
    }

    /// <summary>The table as a report: the dimension, then one column per series, numbers as numbers.</summary>
    public CustomReport ExportTable() => new("", default, default, [Dimension, .. Series],
        Bars.Select(b => (IReadOnlyList<object?>)[b.Label, .. b.Values.Select(v => (object?)v)]).ToList(), [], []);

    private async Task ExportAsync(string format)
    {
        var table = ExportTable();
        var (bytes, type) = format == "csv" ? (ReportExport.Csv(table, CultureInfo.CurrentCulture.Name), ReportExport.CsvType) : (ReportExport.Xlsx(table), ReportExport.XlsxType);
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./lib/app/app.js");
        await module.InvokeVoidAsync("downloadFile", $"{Id}.{format}", type, Convert.ToBase64String(bytes));
    }
}
