using System.Security.Claims;
using SalesCrm.Core.Common;

namespace SalesCrm.Web.Infrastructure;

/// <summary>Claim names shared by cookies, JWTs and API-key principals.</summary>
public static class CrmClaims
{
    public const string Subject = "sub";
    public const string TenantId = "tenant_id";
    public const string ApiKeyId = "api_key_id";
    public const string Capability = "cap";
    public const string Name = "name";
    public const string Email = "email";
}

/// <summary>
/// <see cref="ICurrentUser"/> over a <see cref="ClaimsPrincipal"/>: set per HTTP request by <see cref="CurrentUserMiddleware"/>
/// and per Blazor circuit by <see cref="CurrentUserCircuitHandler"/>.
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());
    private ICurrentUser? _actingAs;
    private string? _correlationId;

    public ClaimsPrincipal Principal => _principal;
    public string? CorrelationId { get => _actingAs?.CorrelationId ?? _correlationId; set => _correlationId = value; }

    public void Set(ClaimsPrincipal principal) => _principal = principal;

    /// <summary>Makes this scope act as an internal actor (background processing); services then see that actor.</summary>
    public void ActAs(ICurrentUser actor) => _actingAs = actor;

    public Guid? UserId => _actingAs is not null ? _actingAs.UserId : _principal.Identity?.IsAuthenticated == true && ApiKeyId is null ? ReadGuid(_principal, CrmClaims.Subject, ClaimTypes.NameIdentifier) : null;
    public Guid? ApiKeyId => _actingAs is not null ? _actingAs.ApiKeyId : ReadGuid(_principal, CrmClaims.ApiKeyId);
    public Guid? TenantId => _actingAs is not null ? _actingAs.TenantId : _principal.Identity?.IsAuthenticated == true ? ReadGuid(_principal, CrmClaims.TenantId) : null;
    public string? DisplayName => _actingAs is not null ? _actingAs.DisplayName : _principal.FindFirst(CrmClaims.Name)?.Value ?? _principal.FindFirst(ClaimTypes.Name)?.Value ?? _principal.Identity?.Name;
    public ActorType? SystemActor => _actingAs?.SystemActor;

    public static Guid? ReadGuid(ClaimsPrincipal principal, params string[] types)
    {
        foreach (var type in types)
        {
            if (Guid.TryParse(principal.FindFirst(type)?.Value, out var value)) return value;
        }
        return null;
    }
}
