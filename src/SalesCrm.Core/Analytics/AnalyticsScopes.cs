using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Analytics;

/// <summary>Opens an <see cref="AnalyticsScope"/> for a request: checks <c>reports.view</c>, reads the workspace's zone and currency, validates the filters.</summary>
public sealed class AnalyticsScopes(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time)
{
    /// <summary>
    /// The scope of <paramref name="request"/>. Throws <see cref="ForbiddenException"/> without <c>reports.view</c>, and
    /// <see cref="ValidationException"/> for a period that ends before it starts or is too long (<c>to</c>), a currency that is
    /// not three letters (<c>currency</c>) or a pipeline or owner that is not the workspace's (<c>pipeline_id</c>, <c>owner_id</c>).
    /// </summary>
    public async Task<AnalyticsScope> OpenAsync(AnalyticsRequest request, CancellationToken ct)
    {
        var tenantId = await access.RequireAsync(Capabilities.ReportsView, ct);
        var restricted = await access.GetVisibilityAsync(ct) == VisibilityScope.Own ? access.User.UserId ?? Guid.Empty : (Guid?)null;
        return await OpenPreparedAsync(async db =>
        {
            var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstAsync(ct);
            var zone = WorkspaceTimeZones.Find(settings.TimeZone) ?? WorkspaceTimeZones.Default;
            var now = time.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
            var period = ReportPeriod.For(request.From, request.To, today, zone);
            var v = new Validator()
                .When(request.Currency is { } c && (c.Length != 3 || !c.All(char.IsAsciiLetter)), "currency", "must be a 3-letter ISO code.");
            if (request.PipelineId is { } p) v.When(!await db.Pipelines.AnyAsync(x => x.Id == p, ct), "pipeline_id", "does not name a pipeline of this workspace.");
            if (request.OwnerId is { } o) v.When(!await db.Memberships.AnyAsync(m => m.UserId == o, ct), "owner_id", "is not a member of this workspace.");
            v.ThrowIfInvalid();
            var currency = (request.Currency ?? settings.DefaultCurrency).ToUpperInvariant();
            return new AnalyticsScope(db, period, currency, request.PipelineId, request.OwnerId, restricted, now, settings.Culture);
        }, ct);
    }

    /// <summary>
    /// A second scope of the same period, currency, filters and caller as <paramref name="scope"/> on its own connection, so a
    /// report can run independent queries side by side (ADR 053). The caller disposes it.
    /// </summary>
    public Task<AnalyticsScope> ForkAsync(AnalyticsScope scope, CancellationToken ct) =>
        OpenPreparedAsync(db => Task.FromResult(new AnalyticsScope(db, scope.Period, scope.Currency, scope.PipelineId, scope.OwnerId, scope.RestrictedTo, scope.Now, scope.Culture)), ct);

    /// <summary>A new context on an open, prepared connection, built into a scope by <paramref name="build"/>; disposed when that throws.</summary>
    private async Task<AnalyticsScope> OpenPreparedAsync(Func<CrmDbContext, Task<AnalyticsScope>> build, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            await PrepareAsync(db, ct);
            return await build(db);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One connection for the report's few queries. On PostgreSQL without JIT compilation for it: every report query is an
    /// aggregate over up to a few hundred thousand rows, which the planner's costs send to JIT, and compiling took longer than
    /// the query (ADR 032). The setting ends with the session when the pool resets the connection.
    /// </summary>
    private static async Task PrepareAsync(CrmDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (IsPostgres(db)) await db.Database.ExecuteSqlRawAsync("SET jit = off", ct);
    }

    /// <summary>
    /// On PostgreSQL, groups the rest of <paramref name="scope"/>'s queries by reading them in index order instead of hashing
    /// them: for a grouping whose groups the planner underestimates (it guessed 70,000 of 150,000 (direction, lead) pairs at
    /// 100,000 leads), the hash spilled to disk at the default <c>work_mem</c> (ADR 054). Only for a fork that runs such a
    /// query alone; the setting ends with the session like <c>jit</c>'s.
    /// </summary>
    internal static async Task GroupInIndexOrderAsync(AnalyticsScope scope, CancellationToken ct)
    {
        if (IsPostgres(scope.Db)) await scope.Db.Database.ExecuteSqlRawAsync("SET enable_hashagg = off", ct);
    }

    private static bool IsPostgres(CrmDbContext db) => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>The period grain a <c>group_by</c> names, or <paramref name="fallback"/> when it names none; anything else is a 400 on <c>group_by</c>.</summary>
    public static PeriodGrain Grain(string? groupBy, PeriodGrain fallback = PeriodGrain.Month) =>
        string.IsNullOrWhiteSpace(groupBy) ? fallback
        : SnakeEnum.TryParse<PeriodGrain>(groupBy, out var grain) ? grain
        : throw new ValidationException("group_by", "must be day, week or month.");
}
