using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Activities;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Common;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Components.Shared;
using SalesCrm.Web.Features.Pipelines;

namespace SalesCrm.Web.Tests.Components;

public class BoardColumnTests
{
    private static readonly StageDto Proposta = new(Guid.NewGuid(), Guid.NewGuid(), "Proposta", "#ffe082", 3, 60, StageKind.Open, true, 10);
    private static readonly StageDto Contato = new(Guid.NewGuid(), Proposta.PipelineId, "Contato", "#80deea", 1, 20, StageKind.Open, true, 5);

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Outside a workspace the clock uses the product's default zone (São Paulo), whatever zone this machine is in.
        var zones = new WorkspaceTimeZones(null!, TimeProvider.System);
        ctx.Services.AddSingleton(new WorkspaceClock(zones, FixedCurrentUser.System, TimeProvider.System));
        ctx.Services.AddSingleton(new WorkspacePhones(zones, FixedCurrentUser.System));
        _popovers = ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    private static LeadDto Lead(string name, bool rotting = false, ActivitySummary? next = null, LeadPriority priority = LeadPriority.Normal) =>
        LeadDtos.Open(name, Proposta.PipelineId, Proposta.Id, rotting, next, priority);

    [Fact]
    public async Task The_column_header_shows_count_sum_and_probability_weighted_value()
    {
        await using var ctx = NewContext();
        var cut = ctx.Render<BoardColumnHeader>(p => p.Add(h => h.Stage, Proposta).Add(h => h.Count, 3).Add(h => h.Value, 12_000m).Add(h => h.Currency, "BRL"));
        Assert.Equal(7_200m, cut.Instance.Weighted);
        Assert.Equal("3", cut.Find("[data-testid=column-count]").TextContent.Trim());
        Assert.Contains("12", cut.Find("[data-testid=column-sum]").TextContent);
        Assert.Contains("7.200", cut.Find("[data-testid=column-weighted]").TextContent);
        Assert.Contains("60%", cut.Find("[data-testid=column-weighted]").TextContent);
    }

    [Fact]
    public async Task A_rotting_card_with_an_overdue_activity_is_flagged()
    {
        await using var ctx = NewContext();
        var due = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
        var lead = Lead("Ana", rotting: true, next: new ActivitySummary(Guid.NewGuid(), ActivityType.Call, "Ligar", due, Overdue: true), priority: LeadPriority.Urgent);
        var cut = ctx.Render<LeadCard>(p => p.Add(c => c.Lead, lead).Add(c => c.Stages, new[] { Contato, Proposta }));
        Assert.Contains("rotting", cut.Find($"[data-testid=card-{lead.Id}]").ClassList);
        Assert.NotNull(cut.Find("[data-testid=card-rotting]"));
        Assert.Contains("activity-overdue", cut.Find("[data-testid=card-next-activity]").ClassList);
        Assert.Contains(Dates.DayAndTime(new DateTime(2026, 11, 25, 9, 0, 0)), cut.Find("[data-testid=card-next-activity]").TextContent); // 12:00 UTC in São Paulo
        Assert.Contains("R$", cut.Markup);
        Assert.Contains("vip", cut.Markup);
        Assert.Contains("CM", cut.Markup);
    }

    [Fact]
    public async Task A_fresh_card_is_not_flagged_and_offers_moves_to_the_other_stages()
    {
        await using var ctx = NewContext();
        var lead = Lead("Bruno");
        var moves = new List<(LeadDto, StageDto)>();
        var cut = ctx.Render<LeadCard>(p => p.Add(c => c.Lead, lead).Add(c => c.Stages, new[] { Contato, Proposta }).Add(c => c.OnMove, m => moves.Add(m)));
        Assert.DoesNotContain("rotting", cut.Find($"[data-testid=card-{lead.Id}]").ClassList);
        Assert.Empty(cut.FindAll("[data-testid=card-rotting]"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=card-menu] button").Click());
        var items = _popovers!.FindAll("[data-testid^=move-to-]");
        Assert.Equal(["move-to-Contato"], items.Select(e => e.GetAttribute("data-testid")));
        await cut.InvokeAsync(() => items[0].Click());
        var (moved, target) = Assert.Single(moves);
        Assert.Equal(lead.Id, moved.Id);
        Assert.Equal(Contato.Id, target.Id);
    }

    [Fact]
    public async Task A_card_creates_no_popover_until_its_move_menu_is_first_opened()
    {
        // A board renders a hundred cards or more; a popover each (menu, tooltip) made its first render twice as slow.
        await using var ctx = NewContext();
        var cut = ctx.Render<LeadCard>(p => p.Add(c => c.Lead, Lead("Carla")).Add(c => c.Stages, new[] { Contato, Proposta }));
        Assert.Empty(_popovers!.FindAll(".mud-popover"));
        Assert.Equal("Carla Mendes", cut.Find(".mud-avatar").GetAttribute("title"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=card-menu] button").Click());
        Assert.NotEmpty(_popovers!.FindAll(".mud-popover-open"));
    }
}
