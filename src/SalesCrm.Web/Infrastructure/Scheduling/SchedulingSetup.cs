using Quartz;

namespace SalesCrm.Web.Infrastructure.Scheduling;

/// <summary>
/// The app's one Quartz scheduler, for every scheduled thing (ADR 048). Features add their jobs and triggers with their
/// own <c>services.AddQuartz(q => …)</c> (Quartz merges the calls into this scheduler).
/// <list type="bullet">
/// <item>PostgreSQL: Quartz's ADO job store in the app database (tables made by the EF migration
/// <c>QuartzScheduler</c>), clustered: every instance is a node of the cluster <see cref="ClusterName"/>, a trigger fires on
/// one node only, a node that dies has its jobs recovered by another, and a trigger missed while every node was down
/// misfires once when the cluster is back.</item>
/// <item>SQLite: the in-memory store, as before: one process, nothing to share.</item>
/// </list>
/// </summary>
public static class SchedulingSetup
{
    /// <summary>The scheduler name every instance shares on PostgreSQL: the cluster is the set of schedulers of this name in one database.</summary>
    public const string ClusterName = "SalesCrm";

    public static IServiceCollection AddCrmScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var persistent = IsPersistent(configuration);
        services.AddQuartz(q =>
        {
            if (persistent)
            {
                q.ConfigureScheduler(o => o.InstanceName = ClusterName);
                q.UsePersistentStore(store =>
                {
                    // The tables come from the migration (the app's account needs no DDL rights at run time); Quartz checks them at start.
                    store.UsePostgres(configuration.GetConnectionString("Crm")!);
                    store.UseClustering();
                });
            }
            else
            {
                // A fresh name per host, so several hosts in one process (tests) never meet in a scheduler repository.
                q.ConfigureScheduler(o => o.InstanceName = $"SalesCrm-{Guid.NewGuid():N}");
            }
        });
        // Every instance declares the same jobs and triggers at start: the stored ones are kept, not replaced, so a
        // restarting instance neither resets the next fire times nor erases a misfire the cluster still owes.
        if (persistent) services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        return services;
    }

    /// <summary>True when the schedule lives in the database (PostgreSQL), shared by every instance.</summary>
    public static bool IsPersistent(IConfiguration configuration) =>
        configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) == DatabaseProvider.Postgres;
}
