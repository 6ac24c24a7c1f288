using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Features.Reports;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The busiest-hours heat map: a cell with messages is a labelled button that opens the leads who wrote in that hour.</summary>
public class HourHeatmapTests
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
        return ctx;
    }

    private const string MondayElevenUrl = "/api/v1/analytics/drilldown?figure=messages&from=2026-10-01&to=2026-10-31&direction=in&weekday=1&hour=11";

    /// <summary>Monday 11h: 3 messages from 2 leads; Tuesday 23h: 1 from 1; every other hour empty.</summary>
    private static IReadOnlyList<HourCell> Cells() =>
        Enumerable.Range(0, 7).SelectMany(d => Enumerable.Range(0, 24).Select(h => (d, h) switch
        {
            (1, 11) => new HourCell(d, h, 3, new FigureLeads(2, MondayElevenUrl)),
            (2, 23) => new HourCell(d, h, 1, new FigureLeads(1, "/api/v1/analytics/drilldown?figure=messages&direction=in&weekday=2&hour=23")),
            _ => new HourCell(d, h, 0, new FigureLeads(0, $"/api/v1/analytics/drilldown?figure=messages&direction=in&weekday={d}&hour={h}")),
        })).ToList();

    private static IRenderedComponent<HourHeatmap> Render(BunitContext ctx, Action<ReportDrill>? onDrill) =>
        ctx.Render<HourHeatmap>(p =>
        {
            p.Add(c => c.Cells, Cells()).Add(c => c.Title, "Horários de maior movimento");
            if (onDrill is not null) p.Add(c => c.OnDrill, d => onDrill(d));
        });

    [Fact]
    public async Task A_cell_with_messages_is_a_button_whose_click_opens_the_leads_who_wrote_in_that_hour()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        ReportDrill? drill = null;
        var cut = Render(ctx, d => drill = d);
        var buttons = cut.FindAll("button[data-testid=comm-heatmap-cell]");
        Assert.Equal(2, buttons.Count); // only the hours with messages: an empty one has no leads to open
        var monday = buttons.Single(b => b.GetAttribute("data-day") == "1" && b.GetAttribute("data-hour") == "11");
        Assert.Equal("button", monday.GetAttribute("type"));
        Assert.Equal("seg. 11h: 3 mensagens de 2 leads", monday.GetAttribute("title"));
        Assert.Equal("seg. 11h: 3 mensagens de 2 leads. Ver leads", monday.GetAttribute("aria-label"));
        Assert.Equal("ter. 23h: 1 mensagem de 1 lead", buttons.Single(b => b.GetAttribute("data-day") == "2").GetAttribute("title"));

        await monday.ClickAsync(new());
        Assert.Equal(new ReportDrill("Horários de maior movimento · seg. 11h", MondayElevenUrl), drill);
    }

    [Fact]
    public async Task The_tooltip_and_label_speak_english_in_english()
    {
        using var culture = new CultureScope("en");
        await using var ctx = NewContext();
        var cut = Render(ctx, _ => { });
        var monday = cut.FindAll("button[data-testid=comm-heatmap-cell]").Single(b => b.GetAttribute("data-day") == "1");
        Assert.Equal("Mon 11h: 3 messages from 2 leads. See leads", monday.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Without_a_drill_down_handler_the_cells_are_plain_tinted_cells_with_a_tooltip()
    {
        using var culture = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var cut = Render(ctx, null);
        Assert.Empty(cut.FindAll("button"));
        var busiest = cut.FindAll(".hm-cell").Single(c => c.GetAttribute("data-count") == "3");
        Assert.Contains("color-mix(in srgb, var(--mud-palette-primary) 100%", busiest.GetAttribute("style"));
        Assert.Equal("seg. 11h: 3 mensagens de 2 leads", busiest.GetAttribute("title"));
    }
}
