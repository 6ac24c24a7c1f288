using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>On SQLite (one process) the schedule stays in memory, as before: nothing clustered, jobs still run.</summary>
public sealed class InMemorySchedulerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task On_sqlite_the_scheduler_keeps_its_schedule_in_memory_and_runs_jobs()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        Assert.False(metadata.JobStorePersistent);
        Assert.False(metadata.JobStoreClustered);

        var runId = "memory-" + Guid.NewGuid().ToString("N");
        await scheduler.ScheduleJob(JobBuilder.Create<CountingJob>().UsingJobData(CountingJob.RunIdKey, runId).Build(), TriggerBuilder.Create().StartNow().Build());
        for (var attempt = 0; attempt < 150 && !CountingJob.Runs.ContainsKey(runId); attempt++) await Task.Delay(100);
        Assert.Equal([scheduler.SchedulerInstanceId], CountingJob.Runs[runId]);
    }
}
