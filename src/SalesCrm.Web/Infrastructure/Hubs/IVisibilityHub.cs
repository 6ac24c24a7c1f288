namespace SalesCrm.Web.Infrastructure.Hubs;

/// <summary>A hub whose connections are grouped by <see cref="VisibilityGroups{THub}"/>: what it names its groups and what a member needs to join.</summary>
public interface IVisibilityHub
{
    /// <summary>The start of every group name of this hub (<c>tenant</c> → <c>tenant:{tenant}:all</c>, <c>tenant:{tenant}:user:{user}</c>).</summary>
    static abstract string GroupPrefix { get; }

    /// <summary>The capability a member needs to join at all; without it the connection is refused (or, when it is taken away, ungrouped).</summary>
    static abstract string Capability { get; }
}
