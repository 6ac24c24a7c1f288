using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Common;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Features.Reports;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The dashboards' chart: a bar per figure, the same figures as a table, a click into a bar names the leads behind it, an empty state that says what to do.</summary>
public class ReportChartTests
{
    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        var zones = new WorkspaceTimeZones(null!, TimeProvider.System);
        ctx.Services.AddSingleton(new WorkspaceClock(zones, FixedCurrentUser.System, TimeProvider.System));
        ctx.Services.AddSingleton(new WorkspacePhones(zones, FixedCurrentUser.System));
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    private static readonly ChartBar[] Stages =
    [
        new("Novo", [12, 3], "/api/v1/leads?stage_id=eq.a"),
        new("Proposta", [5, 0], "/api/v1/leads?stage_id=eq.b", Highlight: true),
        new("Ganho", [0, 7], "/api/v1/leads?stage_id=eq.c"),
    ];

    private static IRenderedComponent<ReportChart> Render(BunitContext ctx, IReadOnlyList<ChartBar> bars, Action<ReportDrill>? onDrill = null) =>
        ctx.Render<ReportChart>(p => p
            .Add(c => c.Id, "stages").Add(c => c.Title, "Negócios por etapa").Add(c => c.Dimension, "Etapa")
            .Add(c => c.Series, ["Leads", "Ganhos"]).Add(c => c.Bars, bars).Add(c => c.EmptyText, "Cadastre leads para ver este gráfico.")
            .Add(c => c.HighlightText, "gargalo")
            .Add(c => c.OnDrill, d => onDrill?.Invoke(d)));

    [Fact]
    public async Task Renders_a_bar_for_every_non_zero_value_and_the_same_figures_as_a_table()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var cut = Render(ctx, Stages);
        // One bar per label and series with a value (3 × 2, two zeros left out), taller for more.
        var bars = cut.FindAll("[data-testid=chart-stages-bar]");
        Assert.Equal(4, bars.Count);
        Assert.Equal(["Novo", "Novo", "Proposta", "Ganho"], bars.Select(b => b.GetAttribute("data-label")));
        double Height(int i) => double.Parse(bars[i].GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Height(0) > Height(2), "12 leads draw taller than 5");
        var rows = cut.FindAll("[data-testid=chart-stages-row]");
        Assert.Equal(["Novo", "Proposta", "Ganho"], rows.Select(r => r.QuerySelector("td")!.TextContent.Replace("gargalo", "").Trim()));
        Assert.Equal(["12", "3"], rows[0].QuerySelectorAll("td.num").Select(c => c.TextContent));
        Assert.Contains("report-highlight", rows[1].ClassName);
        Assert.Single(cut.FindAll("[data-testid=chart-stages-highlight]"));
        Assert.Empty(cut.FindAll("[data-testid=chart-stages-empty]"));
    }

    [Fact]
    public async Task All_zero_figures_show_the_empty_state_text_and_no_chart_or_export()
    {
        await using var ctx = NewContext();
        var cut = Render(ctx, [new ChartBar("Novo", [0, 0], "/api/v1/leads"), new ChartBar("Proposta", [0, 0])]);
        Assert.Equal("Cadastre leads para ver este gráfico.", cut.Find("[data-testid=chart-stages-empty]").TextContent.Trim());
        Assert.Empty(cut.FindAll("svg.report-bars"));
        Assert.Empty(cut.FindAll("[data-testid=chart-stages-xlsx]"));
        Assert.Empty(Render(ctx, []).FindAll("[data-testid=chart-stages-table]"));
    }

    [Fact]
    public async Task Clicking_a_bar_raises_the_drill_down_of_that_bar()
    {
        await using var ctx = NewContext();
        var drills = new List<ReportDrill>();
        var cut = Render(ctx, Stages, drills.Add);
        cut.FindAll("[data-testid=chart-stages-bar]")[2].Click();
        var drill = Assert.Single(drills);
        Assert.Equal(("Negócios por etapa · Proposta", "/api/v1/leads?stage_id=eq.b"), (drill.Title, drill.Url));
    }

    [Fact]
    public async Task Clicking_a_bar_label_in_the_table_raises_the_same_drill_down()
    {
        await using var ctx = NewContext();
        var drills = new List<ReportDrill>();
        var cut = Render(ctx, Stages, drills.Add);
        cut.FindAll("[data-testid=chart-stages-link]")[1].Click();
        Assert.Equal("/api/v1/leads?stage_id=eq.b", Assert.Single(drills).Url);
    }

    [Fact]
    public async Task Each_series_of_a_bar_drills_into_its_own_leads_named_in_the_title()
    {
        await using var ctx = NewContext();
        var drills = new List<ReportDrill>();
        var cut = Render(ctx, [new ChartBar("2026-W40", [4, 2], SeriesLeads: ["/won?w40", "/lost?w40"])], drills.Add);
        cut.FindAll("[data-testid=chart-stages-bar]")[1].Click();
        cut.FindAll("[data-testid=chart-stages-bar]")[0].Click();
        Assert.Equal([("Negócios por etapa · 2026-W40 · Ganhos", "/lost?w40"), ("Negócios por etapa · 2026-W40 · Leads", "/won?w40")],
            drills.Select(d => (d.Title, d.Url)));
    }

    [Fact]
    public async Task The_export_table_has_the_dimension_then_one_number_column_per_series()
    {
        await using var ctx = NewContext();
        var table = Render(ctx, Stages).Instance.ExportTable();
        Assert.Equal(["Etapa", "Leads", "Ganhos"], table.Columns);
        Assert.Equal(["Proposta", 5.0, 0.0], table.Rows[1]);
        using var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(SalesCrm.Core.Analytics.ReportExport.Xlsx(table)), false);
        Assert.Equal(4, xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
    }
}
