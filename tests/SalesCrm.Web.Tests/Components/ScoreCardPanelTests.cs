using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Gamification;
using SalesCrm.Web.Features.Gamification;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The home page's score card and the leaderboard table: points, rank text, mission bars and the podium.</summary>
public class ScoreCardPanelTests
{
    private static BunitContext NewContext(string culture = "pt-BR")
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    private static MissionProgress Mission(string title, int progress, int target, bool done = false) =>
        new(Guid.NewGuid(), title, "visit.completed", MissionPeriod.Week, target, progress, 30, done);

    [Fact]
    public async Task The_card_shows_points_rank_among_members_and_a_bar_per_mission()
    {
        using var _ = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var card = new ScoreCard(1250, 2, 5, [Mission("5 visitas esta semana", 3, 5), Mission("2 check-ins", 2, 2, done: true)]);
        var cut = ctx.Render<ScoreCardPanel>(p => p.Add(c => c.Card, card));
        Assert.Equal("1.250", cut.Find("[data-testid=score-card-points]").TextContent);
        Assert.Equal("2º de 5", cut.Find("[data-testid=score-card-rank]").TextContent);
        Assert.Equal(["3 / 5", "2 / 2"], cut.FindAll("[data-testid=score-card-mission-progress]").Select(e => e.TextContent));
        Assert.Equal(60, ScoreCardPanel.Percent(card.Missions[0]));
        Assert.Equal(100, ScoreCardPanel.Percent(Mission("over", 7, 5)));
        Assert.Single(cut.FindAll("[data-testid=score-card-mission]")[1].QuerySelectorAll("[data-testid=score-card-mission-done]"));
        Assert.Empty(cut.FindAll("[data-testid=score-card-mission]")[0].QuerySelectorAll("[data-testid=score-card-mission-done]"));
    }

    [Fact]
    public async Task Before_scoring_this_week_the_rank_is_a_dash_not_a_position()
    {
        using var _ = new CultureScope("en");
        await using var ctx = NewContext();
        var cut = ctx.Render<ScoreCardPanel>(p => p.Add(c => c.Card, new ScoreCard(0, null, 3, [])));
        Assert.Equal("–", cut.Find("[data-testid=score-card-rank]").TextContent);
        Assert.Contains("points this week", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=score-card-mission]"));
    }

    [Fact]
    public async Task The_leaderboard_marks_the_caller_gives_ties_one_rank_and_says_when_nobody_scored()
    {
        using var _ = new CultureScope("pt-BR");
        await using var ctx = NewContext();
        var me = Guid.NewGuid();
        var board = new Leaderboard("week", new DateOnly(2026, 9, 28), new DateOnly(2026, 10, 4), "America/Sao_Paulo",
            [new(1, Guid.NewGuid(), "Ana", 80, false), new(1, me, "Bruno", 80, true), new(3, Guid.NewGuid(), "Carla", 15, false), new(4, Guid.NewGuid(), "Davi", 0, false)]);
        var cut = ctx.Render<LeaderboardTable>(p => p.Add(c => c.Board, board));
        Assert.Equal(["1", "1", "3", "4"], cut.FindAll("[data-testid=leaderboard-rank]").Select(e => e.TextContent));
        Assert.Equal(3, cut.FindAll("[data-testid=leaderboard-medal]").Count); // Davi, fourth with no points, gets none
        Assert.Equal((LeaderboardTable.Medal(1), LeaderboardTable.Medal(4)), ("#C9A227", null));
        Assert.Equal("Bruno", cut.Find("[data-me=true] [data-testid=leaderboard-name]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=leaderboard-empty]"));

        var quiet = ctx.Render<LeaderboardTable>(p => p.Add(c => c.Board, board with { Entries = [new(1, me, "Bruno", 0, true)] }));
        Assert.Contains("Ninguém pontuou", quiet.Find("[data-testid=leaderboard-empty]").TextContent);
        Assert.Empty(quiet.FindAll("[data-testid=leaderboard-medal]")); // a podium of zeros has no trophy
        Assert.Equal("CheckInDenied", CheckInButton.ErrorKey("denied"));
        Assert.Equal("CheckInUnavailable", CheckInButton.ErrorKey("position_unavailable"));
    }
}
