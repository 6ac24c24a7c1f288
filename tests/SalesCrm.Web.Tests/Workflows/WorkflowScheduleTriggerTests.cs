using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SalesCrm.Web.Features.Workflows;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>The schedule trigger: a Quartz cron trigger per published workflow, in the workspace's time zone.</summary>
public abstract class WorkflowScheduleTriggerTests(WorkflowIntegrationAppBase app)
{
    private async Task<IScheduler> SchedulerAsync() => await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    private static object Daily(string cron = "0 0 9 ? * *") => WorkflowGraphs.TriggerThenTag(new { kind = "schedule", cron });

    private async Task<Session> WorkspaceInAsync(string zone)
    {
        var owner = await app.RegisterAsync();
        await (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { time_zone = zone })).ExpectAsync(HttpStatusCode.OK);
        return owner;
    }

    [Fact]
    public async Task Publishing_a_schedule_trigger_declares_a_cron_trigger_that_fires_in_the_workspace_time_zone()
    {
        var owner = await WorkspaceInAsync("Asia/Tokyo");
        var id = Guid.Parse(await owner.PublishAsync(Daily()));

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await (await SchedulerAsync()).GetTrigger(WorkflowSchedules.TriggerOf(id, "start")));

        Assert.Equal("Asia/Tokyo", trigger.TimeZone.Id);
        var next = trigger.NextFireTimeUtc!.Value;
        // 09:00 in Tokyo (UTC+9, no daylight saving) is midnight UTC.
        Assert.Equal((0, 0, 0), (next.UtcDateTime.Hour, next.UtcDateTime.Minute, next.Offset.Hours));
        Assert.True(next > DateTimeOffset.UtcNow && next <= DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public async Task Firing_the_schedule_queues_a_run_of_the_workflow()
    {
        var owner = await WorkspaceInAsync("America/Sao_Paulo");
        var id = Guid.Parse(await owner.PublishAsync(Daily()));

        await (await SchedulerAsync()).TriggerJob(WorkflowSchedules.JobOf(id));

        await Eventually.TrueAsync(() => app.Starter.For(id).Count > 0);
        var request = app.Starter.For(id).Single();
        Assert.Equal(("schedule", owner.TenantId, (Guid?)null), (request.TriggerKind, request.TenantId, request.LeadId));
        Assert.NotNull(request.Input!["fired_at"]);
    }

    [Fact]
    public async Task Switching_off_removes_the_schedule_and_republishing_replaces_its_cron()
    {
        var owner = await WorkspaceInAsync("America/Sao_Paulo");
        var id = Guid.Parse(await owner.PublishAsync(Daily()));
        var scheduler = await SchedulerAsync();

        await owner.SetActiveAsync(id, false);
        Assert.False(await scheduler.Exists(WorkflowSchedules.JobOf(id)));

        await (await owner.Client.PutAsJsonAsync($"/api/v1/workflows/{id}", new { graph = Daily("0 30 18 ? * MON-FRI") })).ExpectAsync(HttpStatusCode.OK);
        await (await owner.Client.PostAsync($"/api/v1/workflows/{id}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(WorkflowSchedules.TriggerOf(id, "start")));
        Assert.Equal("0 30 18 ? * MON-FRI", trigger.CronExpressionString);

        await (await owner.Client.DeleteAsync($"/api/v1/workflows/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.False(await scheduler.Exists(WorkflowSchedules.JobOf(id)));
    }
}

public sealed class WorkflowScheduleTriggerTestsOnSqlite(WorkflowIntegrationSqliteApp app) : WorkflowScheduleTriggerTests(app), IClassFixture<WorkflowIntegrationSqliteApp>;

public sealed class WorkflowScheduleTriggerTestsOnPostgres(WorkflowIntegrationPostgresApp app) : WorkflowScheduleTriggerTests(app), IClassFixture<WorkflowIntegrationPostgresApp>;
