using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.Gamification;

/// <summary>
/// Leaderboard and score periods in the workspace's zone (São Paulo, UTC−3): a visit at 2026-10-05T02:30Z is Sunday
/// 4 October 23:30 there, so it belongs to the week of 28 September and not to Monday's; one at 2026-11-01T02:00Z is in October.
/// </summary>
public abstract class LeaderboardApiTests(CrmAppFactory app)
{
    private async Task EventAsync(Session owner, Guid actor, string type, DateTime at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SalesCrm.Web.Infrastructure.CurrentUser>().ActAs(FixedCurrentUser.Internal(owner.TenantId, ActorType.System, "test"));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        db.Events.Add(new CrmEvent { TenantId = owner.TenantId, Type = type, OccurredAt = at, ActorType = ActorType.User, ActorId = actor });
        await db.SaveChangesAsync();
    }

    private static async Task<long> PointsAsync(Session reader, string query, Guid user)
    {
        var board = await reader.GetJsonAsync($"/api/v1/gamification/leaderboard?{query}");
        return (long)board["entries"]!.AsArray().Single(e => (string)e!["user_id"]! == user.ToString())!["points"]!;
    }

    [Fact]
    public async Task Leaderboard_periods_follow_the_workspace_time_zone_not_UTC()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        await EventAsync(owner, rep.UserId, EventTypes.VisitCompleted, new DateTime(2026, 10, 5, 2, 30, 0, DateTimeKind.Utc));
        await EventAsync(owner, rep.UserId, EventTypes.CallCompleted, new DateTime(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc));
        await EventAsync(owner, owner.UserId, EventTypes.CallCompleted, new DateTime(2026, 10, 5, 12, 0, 0, DateTimeKind.Utc));
        await (await owner.Client.PostAsync("/api/v1/gamification/replay", null)).ExpectAsync(HttpStatusCode.OK);

        var week = await rep.GetJsonAsync("/api/v1/gamification/leaderboard?period=week&date=2026-10-04");
        Assert.Equal(("week", "2026-09-28", "2026-10-04", "America/Sao_Paulo"), ((string)week["period"]!, (string)week["from"]!, (string)week["to"]!, (string)week["time_zone"]!));
        Assert.Equal((1, rep.UserId.ToString(), 10L, true), ((int)week["entries"]![0]!["rank"]!, (string)week["entries"]![0]!["user_id"]!, (long)week["entries"]![0]!["points"]!, (bool)week["entries"]![0]!["is_me"]!));
        Assert.Equal(0, await PointsAsync(rep, "period=week&date=2026-10-05", rep.UserId));
        Assert.Equal(5, await PointsAsync(rep, "period=week&date=2026-10-05", owner.UserId));
        Assert.Equal(10, await PointsAsync(rep, "period=day&date=2026-10-04", rep.UserId));
        Assert.Equal(0, await PointsAsync(rep, "period=day&date=2026-10-05", rep.UserId));
        Assert.Equal(15, await PointsAsync(rep, "period=month&date=2026-10-20", rep.UserId));
        Assert.Equal(0, await PointsAsync(rep, "period=month&date=2026-11-01", rep.UserId));

        var scores = await owner.GetJsonAsync("/api/v1/gamification/scores?from=2026-10-05&to=2026-10-31");
        Assert.Equal([(owner.UserId.ToString(), 5L), (rep.UserId.ToString(), 5L)],
            scores["users"]!.AsArray().Select(u => ((string)u!["user_id"]!, (long)u["points"]!)).OrderBy(u => u.Item1 == owner.UserId.ToString() ? 0 : 1));
        await (await owner.Client.GetAsync("/api/v1/gamification/leaderboard?period=decade")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await owner.Client.GetAsync("/api/v1/gamification/scores?from=2026-10-31&to=2026-10-01")).ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Scores_stay_in_their_workspace_and_a_rep_reads_only_their_own_breakdown()
    {
        var owner = await app.RegisterAsync();
        var rep = await owner.AddMemberAsync("sales_rep");
        var at = new DateTime(2026, 10, 7, 15, 0, 0, DateTimeKind.Utc);
        await EventAsync(owner, rep.UserId, EventTypes.VisitCompleted, at);
        await EventAsync(owner, owner.UserId, EventTypes.VisitCompleted, at);
        await (await owner.Client.PostAsync("/api/v1/gamification/replay", null)).ExpectAsync(HttpStatusCode.OK);
        const string october = "from=2026-10-01&to=2026-10-31";

        var own = await rep.GetJsonAsync($"/api/v1/gamification/scores?{october}");
        Assert.Equal([rep.UserId.ToString()], own["users"]!.AsArray().Select(u => (string)u!["user_id"]!));
        Assert.Empty((await rep.GetJsonAsync($"/api/v1/gamification/scores?{october}&user_id={owner.UserId}"))["users"]!.AsArray());
        Assert.Equal(2, (await owner.GetJsonAsync($"/api/v1/gamification/scores?{october}"))["users"]!.AsArray().Count);

        var stranger = await app.RegisterAsync();
        await (await stranger.Client.PostAsync("/api/v1/gamification/replay", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty((await stranger.GetJsonAsync($"/api/v1/gamification/scores?{october}"))["users"]!.AsArray());
        var board = await stranger.GetJsonAsync("/api/v1/gamification/leaderboard?period=month&date=2026-10-07");
        Assert.Equal([stranger.UserId.ToString()], board["entries"]!.AsArray().Select(e => (string)e!["user_id"]!));
        Assert.Equal(10, await PointsAsync(owner, "period=month&date=2026-10-07", rep.UserId));
    }
}

public sealed class LeaderboardApiTestsOnSqlite(SqliteApp app) : LeaderboardApiTests(app), IClassFixture<SqliteApp>;

public sealed class LeaderboardApiTestsOnPostgres(PostgresApp app) : LeaderboardApiTests(app), IClassFixture<PostgresApp>;
