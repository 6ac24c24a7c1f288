using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using SalesCrm.Core.Analytics;

namespace SalesCrm.Web.Features.Reports;

/// <summary>
/// A dashboard chart: a MudBlazor bar chart over <see cref="Bars"/> with the same figures as a table beneath (readable, printable),
/// where a click on a bar's label raises <see cref="OnDrill"/> with the leads behind it (MudBlazor 9's bar click reports only the
/// series, not which bar, so the bar's row is the click target); CSV and XLSX of the table through
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
    [Parameter] public string Height { get; set; } = "260px";
    [Parameter] public RenderFragment? ChildContent { get; set; }

    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private readonly BarChartOptions _options = new() { ShowLegend = true };

    /// <summary>No bar, or every value zero: nothing to chart.</summary>
    public bool IsEmpty => Bars.Count == 0 || Bars.All(b => b.Values.All(v => v == 0));

    protected override void OnParametersSet()
    {
        _labels = Bars.Select(b => b.Label).ToArray();
        _series = Series.Select((name, s) => new ChartSeries<double> { Name = name, Data = Bars.Select(b => b.Values[s]).ToArray() }).ToList();
        _options.ShowLegend = Series.Count > 1;
        // About five gridlines whatever the scale (MudBlazor's default of one every 20 crowds money and hides small counts).
        var max = Bars.Count == 0 ? 0 : Bars.Max(b => b.Values.Count == 0 ? 0 : b.Values.Max());
        _options.YAxisTicks = NiceStep(max / 5);
        _options.YAxisToStringFunc = Compact;
    }

    /// <summary>1, 2 or 5 times a power of ten, at least 1.</summary>
    public static int NiceStep(double rough)
    {
        if (rough <= 1) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = rough / power <= 1 ? 1 : rough / power <= 2 ? 2 : rough / power <= 5 ? 5 : 10;
        return (int)Math.Min(int.MaxValue, step * power);
    }

    /// <summary>Axis labels: 1.5k, 2M.</summary>
    private static string Compact(double value) => Math.Abs(value) switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", CultureInfo.CurrentCulture) + "M",
        >= 1_000 => (value / 1_000).ToString("0.#", CultureInfo.CurrentCulture) + "k",
        _ => value.ToString("0.##", CultureInfo.CurrentCulture),
    };

    private string FormatValue(int series, double value) => Format?.Invoke(series, value) ?? value.ToString("N0", CultureInfo.CurrentCulture);

    private Task DrillAsync(int index) =>
        index >= 0 && index < Bars.Count && Bars[index].Leads is { } url ? OnDrill.InvokeAsync(new ReportDrill($"{Title} · {Bars[index].Label}", url)) : Task.CompletedTask;

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
