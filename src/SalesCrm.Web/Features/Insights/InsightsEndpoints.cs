using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;
using SalesCrm.Web.Infrastructure.Scheduling;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Insights;

namespace SalesCrm.Web.Features.Insights;

/// <summary>
/// <c>/api/v1/insights</c>: list (filters <c>status</c>, <c>priority</c>), dismiss or mark done, and run the rules now (202).
/// Needs <c>reports.view</c>; a member with visibility <c>own</c> sees only insights about themselves (ADR 029).
/// </summary>
public static class InsightsEndpoints
{
    /// <summary>The rules, the rewrite, the hourly Quartz job and on-demand runs, the hub's broadcaster.</summary>
    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<InsightRewriter>();
        services.AddScoped<InsightGenerator>();
        services.AddScoped<InsightService>();
        services.AddScoped<InsightSweep>();
        services.AddSingleton<IInsightScheduler, QuartzInsightScheduler>();
        services.AddHostedService<InsightBroadcaster>();
        var persistent = SchedulingSetup.IsPersistent(configuration);
        services.AddQuartz(q =>
        {
            q.AddJob<InsightsJob>(j => j.WithIdentity(InsightsJob.Key).StoreDurably());
            // Every hour at :05; each workspace runs in the hour that is InsightSweep.DailyHour in its own zone. Missed while
            // the whole cluster was down, it fires once when the cluster is back, and the job then catches up (ADR 048).
            q.AddTrigger(t => t.ForJob(InsightsJob.Key).WithIdentity(InsightsJob.HourlyTrigger)
                .WithCronSchedule("0 5 * * * ?", c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            // The in-memory store forgets its triggers with the process: once at start, the workspaces whose daily run
            // was lost while the app was down (ADR 038). The clustered store replays the missed hourly fire instead, once
            // per cluster rather than once per started instance.
            if (!persistent)
                q.AddTrigger(t => t.ForJob(InsightsJob.Key).WithIdentity("insights-catch-up", "salescrm").UsingJobData(InsightsJob.CatchUpKey, true).StartNow());
        });
        return services;
    }

    public static IEndpointRouteBuilder MapInsightsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/insights").WithTags("Insights").RequireAuthorization(Capabilities.ReportsView);
        group.MapGet("/", List).WithSummary("Insights, highest priority first: ?status=new|dismissed|done&priority=low|medium|high|critical&limit=&offset=");
        group.MapPatch("/{id:guid}", Update).WithSummary("Dismiss or mark done: { \"status\": \"dismissed\" | \"done\" }");
        group.MapPost("/generate", Generate).WithSummary("Run the rules for this workspace now, in the background (202); new insights arrive on /hubs/insights");
        app.MapHub<InsightsHub>(InsightsHub.Path);
        return app;
    }

    /// <summary>Texts in the request's language (Accept-Language, or the culture cookie); without one, in the workspace's.</summary>
    private static async Task<Ok<Paged<InsightDto>>> List(HttpContext http, InsightService service, CancellationToken ct, string? status = null, string? priority = null, int limit = 50,
        int offset = 0) =>
        TypedResults.Ok(await service.ListAsync(new InsightListQuery(status, priority, limit, offset, AskedCulture(http)), ct));

    /// <summary>The changed insight, its texts in the request's language as the list's.</summary>
    private static async Task<Ok<InsightDto>> Update(HttpContext http, Guid id, InsightStatusBody body, InsightService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(id, new InsightPatch(body.Status, AskedCulture(http)), ct));

    /// <summary>The language the request asked for (Accept-Language, or the culture cookie the UI's language switch sets); null when it asked for none.</summary>
    private static string? AskedCulture(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { Provider: not null } feature ? feature.RequestCulture.UICulture.Name : null;

    private static async Task<Accepted> Generate(InsightService service, CancellationToken ct)
    {
        await service.RequestGenerationAsync(ct);
        return TypedResults.Accepted("/api/v1/insights");
    }
}
