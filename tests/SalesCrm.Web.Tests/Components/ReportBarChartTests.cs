using System.Globalization;
using Bunit;
using SalesCrm.Web.Features.Reports;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The reports' SVG bar chart: bars from the data on one axis with its unit, tooltips with the exact figure, and bars with leads behind them as keyboard-usable buttons.</summary>
public class ReportBarChartTests
{
    private static readonly ChartBar[] Months =
    [
        new("2026-10", [1500, 500], "/api/v1/leads?m=10"),
        new("2026-11", [3000, 0], "/api/v1/leads?m=11"),
        new("2026-12", [750, 250]),
    ];

    private static IRenderedComponent<ReportBarChart> Render(BunitContext ctx, IReadOnlyList<ChartBar> bars, Action<(int, int)>? onClick = null) =>
        ctx.Render<ReportBarChart>(p =>
        {
            p.Add(c => c.Id, "months").Add(c => c.Title, "Previsão").Add(c => c.Series, ["Ponderado", "Ganho"]).Add(c => c.Bars, bars).Add(c => c.Unit, "BRL")
                .Add(c => c.Format, (_, v) => $"R$ {v:N0}");
            if (onClick is not null) p.Add(c => c.OnBarClick, onClick);
        });

    private static double Number(AngleSharp.Dom.IElement e, string attribute) => double.Parse(e.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Bars_stand_on_one_axis_with_its_unit_in_proportion_to_their_values()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = new BunitContext();
        var cut = Render(ctx, Months);
        var bars = cut.FindAll("[data-testid=chart-months-bar]");
        Assert.Equal(5, bars.Count); // six values, one zero
        Assert.Equal(["2026-10", "2026-10", "2026-11", "2026-12", "2026-12"], bars.Select(b => b.GetAttribute("data-label")));
        Assert.Equal(2 * Number(bars[0], "height"), Number(bars[2], "height"), 6); // 3000 is twice 1500
        Assert.Equal(Number(bars[0], "y") + Number(bars[0], "height"), Number(bars[2], "y") + Number(bars[2], "height"), 6); // same baseline
        Assert.Equal("BRL", cut.Find("[data-testid=chart-months-unit]").TextContent);
        Assert.Equal("2026-11 · Ponderado: R$ 3.000", bars[2].QuerySelector("title")!.TextContent);
        Assert.Contains(cut.FindAll("text.rb-tick"), t => t.TextContent == "3k");
        Assert.Equal(["Ponderado", "Ganho"], cut.FindAll(".rb-legend span").Select(s => s.TextContent));
    }

    [Fact]
    public async Task Clicking_a_bar_reports_which_bar_and_series()
    {
        await using var ctx = new BunitContext();
        var clicks = new List<(int, int)>();
        var cut = Render(ctx, Months, clicks.Add);
        cut.FindAll("[data-testid=chart-months-bar]")[1].Click();
        Assert.Equal([(0, 1)], clicks);
    }

    [Fact]
    public async Task Bars_with_leads_are_focusable_buttons_and_Enter_drills_down()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = new BunitContext();
        var clicks = new List<(int, int)>();
        var cut = Render(ctx, Months, clicks.Add);
        var bar = cut.FindAll("[data-testid=chart-months-bar]")[2];
        Assert.Equal(("0", "button"), (bar.GetAttribute("tabindex"), bar.GetAttribute("role")));
        Assert.Equal("2026-11 · Ponderado: R$ 3.000", bar.GetAttribute("aria-label"));
        bar.KeyDown(key: "Tab");
        Assert.Empty(clicks);
        cut.FindAll("[data-testid=chart-months-bar]")[2].KeyDown(key: "Enter");
        Assert.Equal([(1, 0)], clicks);
    }

    [Fact]
    public async Task Bars_without_leads_or_without_a_drill_handler_are_not_buttons()
    {
        await using var ctx = new BunitContext();
        var withHandler = Render(ctx, Months, _ => { }).FindAll("[data-testid=chart-months-bar]");
        Assert.All(withHandler.Where(b => b.GetAttribute("data-label") == "2026-12"), b => Assert.Null(b.GetAttribute("role")));
        Assert.All(Render(ctx, Months).FindAll("[data-testid=chart-months-bar]"), b => Assert.Null(b.GetAttribute("tabindex")));
    }

    [Fact]
    public async Task A_count_axis_has_whole_number_gridlines_and_a_rate_axis_may_have_fractions()
    {
        using var culture = new CultureScope("en");
        await using var ctx = new BunitContext();
        var counts = Render(ctx, [new ChartBar("Preço", [2, 1])]).FindAll("text.rb-tick").Select(t => t.TextContent);
        Assert.Equal(["0", "1", "2"], counts);
        var rates = Render(ctx, [new ChartBar("Boas-vindas", [0.4, 0.25])]).FindAll("text.rb-tick").Select(t => t.TextContent);
        Assert.Equal(["0", "0.1", "0.2", "0.3", "0.4"], rates);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.18, 0.2)]
    [InlineData(3.4, 5)]
    [InlineData(36_880, 50_000)]
    [InlineData(18_000, 20_000)]
    public void Gridlines_fall_on_round_steps_also_below_one(double rough, double step) => Assert.Equal(step, ReportBarChart.NiceStep(rough), 9);
}
