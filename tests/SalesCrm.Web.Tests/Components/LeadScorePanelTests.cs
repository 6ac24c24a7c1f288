using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesCrm.Core.Leads;
using SalesCrm.Web.Features.Leads;

namespace SalesCrm.Web.Tests.Components;

public class LeadScorePanelTests
{
    private static readonly Dictionary<string, int> WhileOpen = new() { ["completeness"] = 12, ["source"] = 12, ["recency"] = 0, ["engagement"] = 6, ["stage"] = 25 };

    private static IRenderedComponent<LeadScorePanel> Render(BunitContext ctx, LeadStatus status, int score)
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        var lead = LeadDtos.Open("Ganhou Gabriel", Guid.NewGuid(), Guid.NewGuid()) with { Status = status, Score = score, ScoreBreakdown = WhileOpen };
        return ctx.Render<LeadScorePanel>(p => p.Add(c => c.Lead, lead));
    }

    [Fact]
    public async Task A_won_leads_score_of_100_is_explained_above_the_factors_that_do_not_add_up_to_it()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        await using var ctx = new BunitContext();
        var cut = Render(ctx, LeadStatus.Won, 100);
        Assert.Contains("Score: 100", cut.Find("[data-testid=lead-score]").TextContent);
        Assert.Contains("Won deals score 100", cut.Find("[data-testid=lead-score-closed]").TextContent);
    }

    [Fact]
    public async Task A_lost_lead_says_lost_deals_score_0_and_an_open_one_shows_only_its_factors()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pt-BR");
        await using (var ctx = new BunitContext())
        {
            var lost = Render(ctx, LeadStatus.Lost, 0);
            Assert.Contains("Negócios perdidos valem 0", lost.Find("[data-testid=lead-score-closed]").TextContent);
        }
        await using (var ctx = new BunitContext())
        {
            var open = Render(ctx, LeadStatus.Open, 55);
            Assert.Empty(open.FindAll("[data-testid=lead-score-closed]"));
            Assert.Contains("Perfil completo", open.Markup);
        }
    }
}
