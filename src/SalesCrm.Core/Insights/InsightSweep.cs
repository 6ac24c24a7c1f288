using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Insights;

/// <summary>
/// Runs <see cref="InsightGenerator"/> as a workspace from a background job: for one workspace (on demand), or for every
/// workspace whose local time is in its <see cref="DailyHour"/> (the hourly job, so each workspace gets its run early in its
/// own morning; the dedupe key makes a second run the same day refresh, not duplicate).
/// </summary>
public sealed class InsightSweep(IDbContextFactory<CrmDbContext> dbFactory, IActorScopeFactory actors, ILogger<InsightSweep> logger)
{
    /// <summary>The workspace-local hour (0–23) of the daily run.</summary>
    public const int DailyHour = 6;

    /// <summary>Runs the rules for every workspace whose local hour at <paramref name="nowUtc"/> is <see cref="DailyHour"/>; returns how many ran.</summary>
    public async Task<int> RunDueAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        List<(Guid Id, string? Zone)> tenants;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            tenants = (await db.Tenants.AsNoTracking().Select(t => new { t.Id, t.Settings }).ToListAsync(ct)).Select(t => (t.Id, (string?)t.Settings.TimeZone)).ToList();
        var ran = 0;
        foreach (var (id, zoneId) in tenants)
        {
            var zone = WorkspaceTimeZones.Find(zoneId) ?? WorkspaceTimeZones.Default;
            if (TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone).Hour != DailyHour) continue;
            try
            {
                await RunAsync(id, nowUtc, ct);
                ran++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Insights for workspace {TenantId} failed", id);
            }
        }
        return ran;
    }

    /// <summary>
    /// The start-up catch-up for a daily run lost while the app was down (the hourly job only fires while it runs): runs
    /// every workspace whose last run — the newest <see cref="Insight.GeneratedAt"/> of its insights, which every run that
    /// finds something stamps — is more than a day before <paramref name="nowUtc"/>, or that has none. A workspace with
    /// nothing to report is therefore run again at each start, which costs one pass of the rules and adds nothing.
    /// </summary>
    /// <returns>The workspaces that ran.</returns>
    public async Task<IReadOnlyList<Guid>> CatchUpAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var dayAgo = nowUtc.AddDays(-1);
            var recent = db.Insights.IgnoreQueryFilters([CrmDbContext.QueryFilters.Tenant]).Where(i => i.GeneratedAt >= dayAgo).Select(i => i.TenantId);
            due = await db.Tenants.AsNoTracking().Where(t => !recent.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        }
        var ran = new List<Guid>();
        foreach (var id in due)
        {
            try
            {
                await RunAsync(id, nowUtc, ct);
                ran.Add(id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Catching up the insights of workspace {TenantId} failed", id);
            }
        }
        return ran;
    }

    /// <summary>Runs the rules for <paramref name="tenantId"/> as at <paramref name="nowUtc"/>, acting as the system inside it.</summary>
    public async Task<IReadOnlyList<Insight>> RunAsync(Guid tenantId, DateTime nowUtc, CancellationToken ct = default)
    {
        await using var scope = actors.Create(FixedCurrentUser.Internal(tenantId, ActorType.System, "insights"));
        return await scope.ServiceProvider.GetRequiredService<InsightGenerator>().GenerateAsync(nowUtc, ct);
    }
}
