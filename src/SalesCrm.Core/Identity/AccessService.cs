using SalesCrm.Core.Common;

namespace SalesCrm.Core.Identity;

/// <summary>The capability check every service runs before acting; pages and endpoints share it.</summary>
public sealed class AccessService(ICurrentUser user, CapabilityResolver resolver)
{
    private IReadOnlySet<string>? _cached;
    private (Guid?, Guid?, Guid?) _cachedFor;

    public ICurrentUser User => user;

    public async Task<IReadOnlySet<string>> GetCapabilitiesAsync(CancellationToken ct = default)
    {
        var key = (user.UserId, user.TenantId, user.ApiKeyId);
        if (_cached is null || _cachedFor != key)
        {
            _cached = user.SystemActor is not null && user.TenantId is not null
                ? new HashSet<string>(Capabilities.All, StringComparer.Ordinal)
                : await resolver.ResolveAsync(user.UserId, user.TenantId, user.ApiKeyId, ct);
            _cachedFor = key;
        }
        return _cached;
    }

    private VisibilityScope? _visibility;
    private (Guid?, Guid?, Guid?) _visibilityFor;

    /// <summary>All leads of the tenant, or only the actor's own (a sales rep's default).</summary>
    public async Task<VisibilityScope> GetVisibilityAsync(CancellationToken ct = default)
    {
        var key = (user.UserId, user.TenantId, user.ApiKeyId);
        if (_visibility is null || _visibilityFor != key)
        {
            _visibility = user.SystemActor is not null ? VisibilityScope.All : await resolver.ResolveVisibilityAsync(user.UserId, user.TenantId, user.ApiKeyId, ct);
            _visibilityFor = key;
        }
        return _visibility.Value;
    }

    /// <summary>Forgets the cached capabilities, e.g. after the current user's role changed.</summary>
    public void Refresh()
    {
        _cached = null;
        _visibility = null;
    }

    public async Task<bool> HasAsync(string capability, CancellationToken ct = default) =>
        (await GetCapabilitiesAsync(ct)).Contains(capability);

    /// <summary>Throws <see cref="ForbiddenException"/> unless the actor holds the capability in the current tenant.</summary>
    public async Task<Guid> RequireAsync(string capability, CancellationToken ct = default)
    {
        if (user.UserId is null && user.ApiKeyId is null && user.SystemActor is null) throw new UnauthorizedException();
        var tenantId = user.RequireTenant();
        if (!await HasAsync(capability, ct)) throw new ForbiddenException($"Missing capability '{capability}'.");
        return tenantId;
    }
}
