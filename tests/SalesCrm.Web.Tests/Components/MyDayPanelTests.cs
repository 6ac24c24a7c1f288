using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Activities;
using SalesCrm.Core.Common;
using SalesCrm.Core.Home;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Features.Home;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The home page's day: counts that link to their lists, items that link to their leads, a clear sentence when a part is empty.</summary>
public class MyDayPanelTests
{
    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton(new WorkspaceClock(new WorkspaceTimeZones(null!, TimeProvider.System), FixedCurrentUser.System, TimeProvider.System));
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    private static readonly MyDay Empty = new(new(0, []), new(0, []), new(0, []), new(0, []), new(0, []), new(0, []));

    [Fact]
    public async Task An_empty_day_says_so_in_every_part_and_shows_no_capability_codes()
    {
        await using var ctx = NewContext();
        var cut = ctx.Render<MyDayPanel>(p => p.Add(d => d.Day, Empty));
        foreach (var part in new[] { "day-activities-empty", "day-conversations-empty", "day-rotting-empty", "day-new-empty" })
            Assert.False(string.IsNullOrWhiteSpace(cut.Find($"[data-testid={part}]").TextContent), part);
        Assert.Equal("0", cut.Find("[data-testid=day-overdue-count] .day-count-number").TextContent);
        Assert.DoesNotContain("leads.read", cut.Markup);
    }

    [Fact]
    public async Task Counts_link_to_the_lists_behind_them_and_items_to_their_leads()
    {
        await using var ctx = NewContext();
        var now = DateTime.UtcNow;
        var lead = Guid.NewGuid();
        var call = new ActivityDto(Guid.NewGuid(), lead, "Ana Souza", ActivityType.Call, "Ligar", now.AddHours(-2), null, null, false, null, true);
        var day = new MyDay(new(2, [call]), new(1, [call]), new(1, [new UnreadConversation(lead, "Ana Souza", 3, now)]), new(3, []),
            new(100, [new DayLead(lead, "Ana Souza", null, 1500m, "BRL", "Proposta", now.AddDays(-12))], Capped: true),
            new(1, [new DayLead(lead, "Ana Souza", null, 0m, "BRL", "Novo", now)]));
        var cut = ctx.Render<MyDayPanel>(p => p.Add(d => d.Day, day));
        Assert.Equal("/activities?window=overdue", cut.Find("[data-testid=day-overdue-count]").GetAttribute("href"));
        Assert.Equal("/activities?window=today", cut.Find("[data-testid=day-today-count]").GetAttribute("href"));
        Assert.Equal("100+", cut.Find("[data-testid=day-rotting-count] .day-count-number").TextContent);
        Assert.Single(cut.FindAll("[data-testid=day-activity-lead]")); // overdue and due today, listed once
        foreach (var link in new[] { "day-activity-lead", "day-conversation-lead", "day-rotting-lead", "day-new-lead" })
            Assert.Equal($"/leads/{lead}", cut.Find($"[data-testid={link}]").GetAttribute("href"));
        Assert.Contains("12", cut.Find("[data-testid=day-rotting]").TextContent); // idle for 12 days
        Assert.Empty(cut.FindAll("[data-testid$=-empty]"));
    }
}
