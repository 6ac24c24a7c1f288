using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using SalesCrm.Web.Features.Insights;
using SalesCrm.Web.Infrastructure.Scheduling;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>Quartz on PostgreSQL: one clustered schedule in the shared database, every trigger fired by one node.</summary>
public sealed class ClusteredSchedulerTests(TwoInstances pair) : IClassFixture<TwoInstances>
{
    private static async Task<IScheduler> SchedulerOf(AppInstance instance) =>
        await instance.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    private static async Task ScheduleOnceAsync(IScheduler scheduler, string runId)
    {
        var job = JobBuilder.Create<CountingJob>().WithIdentity(runId, "scale-out-tests").UsingJobData(CountingJob.RunIdKey, runId).Build();
        var trigger = TriggerBuilder.Create().WithIdentity(runId, "scale-out-tests").StartNow().Build();
        await scheduler.ScheduleJob(job, trigger);
    }

    private static async Task WaitForRunsAsync(IEnumerable<string> runIds)
    {
        var ids = runIds.ToList();
        for (var attempt = 0; attempt < 300 && !ids.All(CountingJob.Runs.ContainsKey); attempt++) await Task.Delay(100);
        Assert.True(ids.All(CountingJob.Runs.ContainsKey), $"{ids.Count(id => !CountingJob.Runs.ContainsKey(id))} of {ids.Count} runs never happened");
    }

    [Fact]
    public async Task Both_instances_are_nodes_of_one_clustered_schedule_kept_in_the_migrated_quartz_tables()
    {
        var first = await SchedulerOf(pair.First);
        var second = await SchedulerOf(pair.Second);
        var metadata = await first.GetMetadata();
        Assert.True(metadata.JobStorePersistent);
        Assert.True(metadata.JobStoreClustered);
        Assert.Equal(SchedulingSetup.ClusterName, first.SchedulerName);
        Assert.Equal(first.SchedulerName, second.SchedulerName);
        Assert.NotEqual(first.SchedulerInstanceId, second.SchedulerInstanceId);

        await using var connection = new NpgsqlConnection(pair.ConnectionString);
        await connection.OpenAsync();
        await using (var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'", connection))
            Assert.Equal(15L, (long)(await tables.ExecuteScalarAsync())!);
        await using var nodes = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = @name", connection);
        nodes.Parameters.AddWithValue("name", SchedulingSetup.ClusterName);
        var names = new List<string>();
        await using (var reader = await nodes.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        Assert.Contains(first.SchedulerInstanceId, names);
        Assert.Contains(second.SchedulerInstanceId, names);
        await using var hourly = new NpgsqlCommand("SELECT count(*) FROM qrtz_cron_triggers WHERE trigger_name = 'insights-hourly'", connection);
        Assert.Equal(1L, (long)(await hourly.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_job_scheduled_through_an_instance_in_standby_is_run_by_the_other()
    {
        var first = await SchedulerOf(pair.First);
        var second = await SchedulerOf(pair.Second);
        var runId = "standby-" + Guid.NewGuid().ToString("N");
        await first.Standby();
        try
        {
            await ScheduleOnceAsync(first, runId);
            await WaitForRunsAsync([runId]);
        }
        finally
        {
            await first.Start();
        }
        Assert.Equal([second.SchedulerInstanceId], CountingJob.Runs[runId]);
    }

    [Fact]
    public async Task Jobs_scheduled_through_both_instances_each_run_exactly_once()
    {
        var first = await SchedulerOf(pair.First);
        var second = await SchedulerOf(pair.Second);
        var runIds = Enumerable.Range(0, 40).Select(i => $"once-{i}-{Guid.NewGuid():N}").ToList();
        await Task.WhenAll(runIds.Select((id, i) => ScheduleOnceAsync(i % 2 == 0 ? first : second, id)));
        await WaitForRunsAsync(runIds);
        // A duplicate would come from the other node acquiring the same trigger in the same round: let a few more rounds pass.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(runIds, id => Assert.Single(CountingJob.Runs[id]));
    }

    [Fact]
    public async Task The_hourly_insights_run_is_remembered_in_the_shared_schedule_and_a_missed_hour_fires_once_when_the_cluster_returns()
    {
        var first = await SchedulerOf(pair.First);
        var second = await SchedulerOf(pair.Second);
        // No one-shot start-up trigger on the clustered store: the catch-up comes from the hourly trigger's misfire.
        Assert.Null(await second.GetTrigger(new TriggerKey("insights-catch-up", "salescrm")));
        var hourly = await second.GetTrigger(InsightsJob.HourlyTrigger);
        Assert.Equal((int)CronTriggerMisfireInstruction.FireAndProceed, hourly!.MisfireInstructionCode);

        await first.TriggerJob(InsightsJob.Key, new JobDataMap());
        IJobDetail? stored = null;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            stored = await second.GetJobDetail(InsightsJob.Key);
            if (stored!.JobDataMap.ContainsKey(InsightsJob.LastHourlyRunKey)) break;
            await Task.Delay(100);
        }
        // What the other instance's next hourly fire reads to decide that nothing was missed.
        Assert.True(stored!.JobDataMap.ContainsKey(InsightsJob.LastHourlyRunKey), "the hourly run's time never reached the shared schedule");
    }
}
