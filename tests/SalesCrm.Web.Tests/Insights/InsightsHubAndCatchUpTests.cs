using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Insights;
using SalesCrm.Web.Features.Insights;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Insights;

/// <summary>
/// The insights hub groups connections as the pipeline hub does (one helper, ADR 038) and follows a change of the member's
/// visibility; a daily run lost while the app was down is caught up when it starts.
/// </summary>
public abstract class InsightsHubAndCatchUpTests(CrmAppFactory app)
{
    [Fact]
    public async Task A_rep_who_sees_only_own_leads_hears_only_insights_about_themselves_and_follows_a_visibility_change()
    {
        var w = await InsightsWorld.CreateAsync(app);
        var received = new BlockingCollection<JsonElement>();
        await using var hub = InsightsWorld.HubClient(app, w.Rep);
        hub.On<JsonElement>(InsightsHub.Message, received.Add);
        await hub.StartAsync();

        // Own: once the connection hears about the rep (it has joined its group), the insight about the owner is never heard.
        Assert.True(EventuallyHears(w, received, about: w.Rep.UserId), "the rep never heard an insight about themselves");
        Assert.True(FirstHeardIs(w, received, about: w.Rep.UserId, before: w.Owner.UserId), "the rep heard an insight about the owner");

        // Widened to every lead: the open connection hears about the owner too, once the change has reached it.
        var role = await w.Owner.RoleIdAsync("Own reports");
        await (await w.Owner.Client.PatchAsJsonAsync($"/api/v1/roles/{role}", new { visibility = "all" })).ExpectAsync(HttpStatusCode.OK);
        Assert.True(EventuallyHears(w, received, about: w.Owner.UserId), "the rep never heard about the owner after visibility all");

        // Narrowed back: the owner's fall silent again.
        await (await w.Owner.Client.PatchAsJsonAsync($"/api/v1/roles/{role}", new { visibility = "own" })).ExpectAsync(HttpStatusCode.OK);
        var narrowed = false;
        for (var attempt = 0; attempt < 20 && !narrowed; attempt++)
            narrowed = FirstHeardIs(w, received, about: w.Rep.UserId, before: w.Owner.UserId);
        Assert.True(narrowed, "the rep kept hearing insights about the owner after visibility own");
    }

    [Fact]
    public async Task A_daily_run_lost_while_the_app_was_down_is_run_when_it_starts()
    {
        var stale = await InsightsWorld.CreateAsync(app);
        var fresh = await InsightsWorld.CreateAsync(app);
        var now = InsightsWorld.DefaultNow;
        // Last ran two days ago (the app was down at the next 06:00), and two hours ago.
        await stale.GenerateAsync(app, now.AddDays(-2));
        await fresh.GenerateAsync(app, now.AddHours(-2));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ran = await scope.ServiceProvider.GetRequiredService<InsightSweep>().CatchUpAsync(now);
            Assert.Contains(stale.Owner.TenantId, ran);
            Assert.DoesNotContain(fresh.Owner.TenantId, ran);
        }
        Assert.Equal(now, await LastRunAsync(stale.Owner.TenantId));
        Assert.Equal(now.AddHours(-2), await LastRunAsync(fresh.Owner.TenantId));
    }

    [Fact]
    public async Task The_start_up_run_of_the_insights_job_uses_the_apps_clock()
    {
        var clock = (ManualClock)app.Services.GetRequiredService<TimeProvider>();
        var w = await InsightsWorld.CreateAsync(app);
        clock.Set(InsightsWorld.DefaultNow);
        try
        {
            // What the app's one-shot start-up trigger fires (the clock is 09:00 local, not the daily hour).
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(InsightsJob.Key, new JobDataMap { [InsightsJob.CatchUpKey] = true });
            for (var attempt = 0; attempt < 150 && await LastRunAsync(w.Owner.TenantId) is null; attempt++) await Task.Delay(200);
        }
        finally
        {
            clock.Set(null);
        }
        Assert.Equal(InsightsWorld.DefaultNow, await LastRunAsync(w.Owner.TenantId));
    }

    private async Task<DateTime?> LastRunAsync(Guid tenantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.Insights.IgnoreQueryFilters().Where(i => i.TenantId == tenantId).MaxAsync(i => (DateTime?)i.GeneratedAt);
    }

    private Guid Publish(InsightsWorld w, Guid about)
    {
        var id = Guid.NewGuid();
        app.Services.GetRequiredService<ICrmEventBus>().Publish([new CrmEvent
        {
            TenantId = w.Owner.TenantId, Type = EventTypes.InsightGenerated, OccurredAt = DateTime.UtcNow,
            Payload = JsonSerializer.Serialize(new { insight_id = id, priority = "high", subject_user_id = about }),
        }]);
        return id;
    }

    /// <summary>Publishes an insight about <paramref name="before"/>, then about <paramref name="about"/>; true when the first of the two heard is the latter.</summary>
    private bool FirstHeardIs(InsightsWorld w, BlockingCollection<JsonElement> received, Guid about, Guid before)
    {
        var first = Publish(w, before);
        var second = Publish(w, about);
        while (true)
        {
            Assert.True(received.TryTake(out var item, TimeSpan.FromSeconds(15)), "no InsightGenerated arrived");
            var id = item.GetProperty("insight_id").GetString();
            if (id == first.ToString()) return false;
            if (id == second.ToString()) return true;
        }
    }

    private bool EventuallyHears(InsightsWorld w, BlockingCollection<JsonElement> received, Guid about)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            Publish(w, about);
            while (received.TryTake(out var item, TimeSpan.FromSeconds(1)))
                if (item.GetProperty("subject_user_id").GetString() == about.ToString()) return true;
        }
        return false;
    }
}

/// <summary>A clock that is the real one until a test sets it (tokens are issued with it, so it cannot start in the past).</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset? _now;

    public void Set(DateTime? utc) => _now = utc is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null;

    public override DateTimeOffset GetUtcNow() => _now ?? TimeProvider.System.GetUtcNow();
}

/// <summary>An app whose <see cref="TimeProvider"/> is a <see cref="ManualClock"/> the tests can set.</summary>
public abstract class ClockApp(TestProvider provider) : CrmAppFactory(provider)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(new ManualClock()));
    }
}

public sealed class InsightsClockSqliteApp() : ClockApp(TestProvider.Sqlite);

public sealed class InsightsClockPostgresApp() : ClockApp(TestProvider.Postgres);

public sealed class InsightsHubAndCatchUpTestsOnSqlite(InsightsClockSqliteApp app) : InsightsHubAndCatchUpTests(app), IClassFixture<InsightsClockSqliteApp>;

public sealed class InsightsHubAndCatchUpTestsOnPostgres(InsightsClockPostgresApp app) : InsightsHubAndCatchUpTests(app), IClassFixture<InsightsClockPostgresApp>;
