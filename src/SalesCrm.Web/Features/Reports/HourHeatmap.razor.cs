using System.Globalization;
using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Analytics;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Reports;

/// <summary>
/// The busiest hours of the communication dashboard: inbound messages per weekday and hour (<see cref="HourCell"/>); a click on a cell with
/// messages raises <see cref="OnDrill"/> with the leads who wrote then (<c>figure=messages&amp;direction=in&amp;weekday=&amp;hour=</c>).
/// </summary>
public partial class HourHeatmap
{
    [Parameter, EditorRequired] public IReadOnlyList<HourCell> Cells { get; set; } = [];
    /// <summary>The chart's title: the grid's accessible name and the start of a drill-down's title.</summary>
    [Parameter] public string Title { get; set; } = "";
    [Parameter] public EventCallback<ReportDrill> OnDrill { get; set; }

    /// <summary>Monday first, as Brazilian calendars read.</summary>
    private static readonly int[] DayOrder = [1, 2, 3, 4, 5, 6, 0];
    private static string[] DayNames => CultureInfo.CurrentCulture.DateTimeFormat.AbbreviatedDayNames;
    private int _max;

    protected override void OnParametersSet() => _max = Cells.Count == 0 ? 0 : Cells.Max(c => c.Inbound);

    private HourCell? Cell(int day, int hour) => Cells.FirstOrDefault(c => c.DayOfWeek == day && c.Hour == hour);

    private bool CanDrill(HourCell? cell) => cell is { Inbound: > 0, Leads: not null } && OnDrill.HasDelegate;

    /// <summary>The cell as read aloud and in its tooltip: "seg 11h: 3 mensagens de 2 leads".</summary>
    private string Describe(int day, int hour, HourCell? cell)
    {
        var count = cell?.Inbound ?? 0;
        var text = $"{DayNames[day]} {hour:00}h: {count} {Plurals.For(L, "ReportMessagesLower", count)}";
        return cell?.Leads is { } leads && count > 0
            ? text + " " + string.Format(CultureInfo.CurrentCulture, L["ReportFromLeads"], leads.Count, Plurals.For(L, "LeadsLower", leads.Count))
            : text;
    }

    private Task DrillAsync(HourCell cell) =>
        OnDrill.InvokeAsync(new ReportDrill($"{Title} · {DayNames[cell.DayOfWeek]} {cell.Hour:00}h", cell.Leads!.Url));

    /// <summary>The primary colour at 20–100 % by the cell's share of the busiest one (mixed, not faded: a focused cell's outline stays opaque).</summary>
    private string CellStyle(int count) => count == 0 || _max == 0 ? "" :
        $"background:color-mix(in srgb, var(--mud-palette-primary) {(20 + 80.0 * count / _max).ToString("0", CultureInfo.InvariantCulture)}%, transparent)";
}
