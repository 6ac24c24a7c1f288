using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace SalesCrm.Web.Features.Reports;

/// <summary>
/// A plain SVG bar chart (vertical bars, one group per <see cref="ChartBar"/>, one bar per series) whose bars are the drill-down's
/// click targets: MudBlazor 9's bar chart reports only the series clicked, not the bar (ADR 036). One value axis with its
/// <see cref="Unit"/>, value labels on the bars, the exact figure as each bar's tooltip (<c>&lt;title&gt;</c>), colours from the
/// theme's CSS variables (light and dark), and bars with leads behind them focusable (<c>role="button"</c>; Enter drills down).
/// </summary>
public partial class ReportBarChart
{
    /// <summary>Margins of the plot in the SVG's coordinate system (which scales to the card's width, text with it).</summary>
    public const double PlotLeft = 52, PlotRight = 8, PlotTop = 22, PlotBottom = 34;

    /// <summary>Series colours, in order, from the MudBlazor theme (so dark mode recolours them).</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["var(--mud-palette-primary)", "var(--mud-palette-secondary)", "var(--mud-palette-tertiary)", "var(--mud-palette-info)", "var(--mud-palette-warning)"];

    /// <summary>For test ids (<c>chart-{Id}-svgbar</c>).</summary>
    [Parameter, EditorRequired] public string Id { get; set; } = "";
    /// <summary>What the chart shows, read out for the SVG.</summary>
    [Parameter] public string Title { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyList<string> Series { get; set; } = [];
    [Parameter, EditorRequired] public IReadOnlyList<ChartBar> Bars { get; set; } = [];
    /// <summary>The value axis' unit, written at its top (R$, leads, min, %): every series of a chart shares it.</summary>
    [Parameter] public string? Unit { get; set; }
    /// <summary>A value of series <c>s</c> in full (tooltips); default a plain number.</summary>
    [Parameter] public Func<int, double, string>? Format { get; set; }
    /// <summary>Axis labels and value labels on bars; default compact (1.5k, 2M).</summary>
    [Parameter] public Func<double, string>? AxisFormat { get; set; }
    /// <summary>Width and height of the SVG's coordinate system: a chart as wide as the page takes a wider one, so its text is not drawn twice as big.</summary>
    [Parameter] public double Width { get; set; } = 640;
    [Parameter] public double Height { get; set; } = 260;
    /// <summary>A bar with leads behind it was clicked (or Enter pressed on it): the bar's index and the series'.</summary>
    [Parameter] public EventCallback<(int Bar, int Series)> OnBarClick { get; set; }

    private List<BarShape> _shapes = [];
    private List<AxisTick> _ticks = [];
    private List<(double X, string Text, string Full)> _labels = [];
    private double _baseline;

    /// <summary>The bars drawn (zeros are not), for tests and the markup.</summary>
    public IReadOnlyList<BarShape> Shapes => _shapes;

    protected override void OnParametersSet()
    {
        _baseline = Height - PlotBottom;
        var plotHeight = _baseline - PlotTop;
        var max = Bars.SelectMany(b => b.Values).DefaultIfEmpty(0).Max();
        var step = NiceStep(max / 5);
        // Whole numbers (counts, amounts) get whole gridlines: no "1,5 deals" on the axis.
        if (Bars.All(b => b.Values.All(v => v == Math.Floor(v)))) step = Math.Max(1, step);
        // (The tolerance keeps 0.4 / 0.1 = 4.000…1 from adding an empty gridline on top.)
        var lines = Math.Max(1, (int)Math.Ceiling(max / step - 1e-9));
        var top = lines * step;
        _ticks = [];
        for (var i = 0; i <= lines; i++)
            _ticks.Add(new AxisTick(_baseline - i * step / top * plotHeight, Axis(i * step)));

        var plotWidth = Width - PlotLeft - PlotRight;
        var group = Bars.Count == 0 ? plotWidth : plotWidth / Bars.Count;
        var seriesCount = Math.Max(1, Series.Count);
        var barWidth = group * 0.8 / seriesCount;
        var clickable = OnBarClick.HasDelegate;
        _shapes = [];
        _labels = [];
        for (var b = 0; b < Bars.Count; b++)
        {
            var bar = Bars[b];
            var left = PlotLeft + b * group + group * 0.1;
            for (var s = 0; s < seriesCount && s < bar.Values.Count; s++)
            {
                var value = bar.Values[s];
                if (value <= 0 || double.IsNaN(value)) continue;
                var height = value / top * plotHeight;
                var name = s < Series.Count ? Series[s] : "";
                var tooltip = Series.Count > 1 ? $"{bar.Label} · {name}: {Full(s, value)}" : $"{bar.Label}: {Full(s, value)}";
                _shapes.Add(new BarShape(b, s, left + s * barWidth, _baseline - height, Math.Max(1, barWidth - 1), height, tooltip, Axis(value),
                    clickable && bar.LeadsOf(s) is not null));
            }
            // About 6.5 units per character at the label's size; longer labels are cut (the tooltip and the table have them whole).
            var room = Math.Max(3, (int)(group / 6.5));
            _labels.Add((PlotLeft + b * group + group / 2, bar.Label.Length <= room ? bar.Label : bar.Label[..(room - 1)] + "…", bar.Label));
        }
    }

    /// <summary>Whether value labels fit on the bars (not when bars are thinner than a short number).</summary>
    private bool ShowValues => _shapes.Count > 0 && _shapes[0].Width >= 16;

    private string Color(int series) => Palette[series % Palette.Count];

    private string Full(int series, double value) => Format?.Invoke(series, value) ?? value.ToString("N0", CultureInfo.CurrentCulture);

    private string Axis(double value) => AxisFormat?.Invoke(value) ?? Compact(value);

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private Task ClickAsync(BarShape shape) => shape.Clickable ? OnBarClick.InvokeAsync((shape.Bar, shape.Series)) : Task.CompletedTask;

    private Task KeyAsync(KeyboardEventArgs e, BarShape shape) => e.Key is "Enter" or "NumpadEnter" ? ClickAsync(shape) : Task.CompletedTask;

    /// <summary>A gridline step for about five lines: 1, 2 or 5 times a power of ten (fractions for small values, so rates of 0–1 read well).</summary>
    public static double NiceStep(double rough)
    {
        if (rough <= 0 || double.IsNaN(rough)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var f = rough / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    /// <summary>Axis labels: 1.5k, 2M.</summary>
    public static string Compact(double value) => Math.Abs(value) switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", CultureInfo.CurrentCulture) + "M",
        >= 1_000 => (value / 1_000).ToString("0.#", CultureInfo.CurrentCulture) + "k",
        _ => value.ToString("0.##", CultureInfo.CurrentCulture),
    };
}
