using System.Collections.Concurrent;
using Quartz;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>A test job that records which scheduler node ran each run id (the job's data <c>run_id</c>).</summary>
public sealed class CountingJob : IJob
{
    public const string RunIdKey = "run_id";

    /// <summary>Run id → the scheduler instance ids that ran it (one entry each time it ran).</summary>
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Runs = new();

    public ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var runId = (string)context.MergedJobDataMap[RunIdKey]!;
        Runs.GetOrAdd(runId, _ => new ConcurrentQueue<string>()).Enqueue(context.Scheduler.SchedulerInstanceId);
        return ValueTask.CompletedTask;
    }
}
