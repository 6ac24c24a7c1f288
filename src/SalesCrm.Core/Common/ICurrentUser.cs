namespace SalesCrm.Core.Common;

/// <summary>The tenant the current request or circuit works in; null outside any tenant (system jobs, sign-in).</summary>
public interface ITenantContext
{
    Guid? TenantId { get; }
}

/// <summary>Who is acting: a signed-in user, an API key, or the system.</summary>
public interface ICurrentUser : ITenantContext
{
    Guid? UserId { get; }
    Guid? ApiKeyId { get; }
    string? DisplayName { get; }
    /// <summary>The request's correlation id, carried into audit rows and events.</summary>
    string? CorrelationId { get; }
    /// <summary>Set for trusted internal actors (webhook processor, workflows) acting inside <see cref="ITenantContext.TenantId"/>.</summary>
    ActorType? SystemActor { get; }
}

public enum ActorType { System, User, ApiKey, Webhook, Workflow }

public static class CurrentUserExtensions
{
    public static ActorType ActorType(this ICurrentUser user) =>
        user.SystemActor ?? (user.ApiKeyId is not null ? Common.ActorType.ApiKey : user.UserId is not null ? Common.ActorType.User : Common.ActorType.System);

    public static Guid RequireTenant(this ITenantContext context) =>
        context.TenantId ?? throw new UnauthorizedException("No tenant is selected.");
}

/// <summary>A fixed actor, for system work, design-time tooling and tests.</summary>
public sealed record FixedCurrentUser(Guid? TenantId = null, Guid? UserId = null, Guid? ApiKeyId = null, string? DisplayName = null, string? CorrelationId = null,
    ActorType? SystemActor = null) : ICurrentUser
{
    public static readonly FixedCurrentUser System = new(DisplayName: "system");

    /// <summary>A trusted internal actor working inside one tenant (e.g. the webhook processor).</summary>
    public static FixedCurrentUser Internal(Guid tenantId, ActorType actor, string name, string? correlationId = null) =>
        new(TenantId: tenantId, DisplayName: name, CorrelationId: correlationId, SystemActor: actor);
}
