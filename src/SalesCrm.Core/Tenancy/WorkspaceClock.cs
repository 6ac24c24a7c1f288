using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Tenancy;

/// <summary>
/// Each workspace's time zone (<see cref="TenantSettings.TimeZone"/>) and phone region (<see cref="TenantSettings.DefaultRegion"/>),
/// cached for the process. Saving the workspace settings forgets the entry here; other processes pick a change up within <see cref="Lifetime"/>.
/// </summary>
public sealed class WorkspaceTimeZones(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    public static readonly TimeZoneInfo Default = Find(new TenantSettings().TimeZone) ?? TimeZoneInfo.Utc;

    public static readonly string DefaultRegion = new TenantSettings().DefaultRegion;

    private readonly ConcurrentDictionary<Guid, (TimeZoneInfo Zone, string Region, long LoadedAt)> _zones = new();

    /// <summary>The workspace's zone; the default (São Paulo) outside a workspace. A miss costs one small query.</summary>
    public TimeZoneInfo For(Guid? tenantId) => tenantId is { } id ? Load(id).Zone : Default;

    /// <summary>The workspace's phone region (ISO 3166 code, e.g. <c>BR</c>); the default outside a workspace.</summary>
    public string RegionFor(Guid? tenantId) => tenantId is { } id ? Load(id).Region : DefaultRegion;

    private (TimeZoneInfo Zone, string Region, long LoadedAt) Load(Guid id)
    {
        if (_zones.TryGetValue(id, out var cached) && time.GetElapsedTime(cached.LoadedAt) < Lifetime) return cached;
        using var scope = scopes.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();
        var settings = db.Tenants.AsNoTracking().Where(t => t.Id == id).Select(t => t.Settings).FirstOrDefault();
        var entry = (Find(settings?.TimeZone) ?? Default, string.IsNullOrWhiteSpace(settings?.DefaultRegion) ? DefaultRegion : settings.DefaultRegion, time.GetTimestamp());
        _zones[id] = entry;
        return entry;
    }

    public void Forget(Guid tenantId) => _zones.TryRemove(tenantId, out _);

    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }
}

/// <summary>
/// Dates as the people of the current workspace read them: pages show times in the workspace's time zone and turn the
/// dates people pick back into UTC with it, whatever zone the server runs in.
/// </summary>
public sealed class WorkspaceClock(WorkspaceTimeZones zones, ICurrentUser user, TimeProvider time)
{
    private TimeZoneInfo? _zone;

    public TimeZoneInfo Zone => _zone ??= zones.For(user.TenantId);

    /// <summary>A stored UTC time in the workspace's zone.</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time picked in the workspace's zone, as UTC.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public DateTime Today => ToLocal(time.GetUtcNow().UtcDateTime).Date;
}
