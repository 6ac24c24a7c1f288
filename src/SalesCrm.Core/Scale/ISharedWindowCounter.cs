namespace SalesCrm.Core.Scale;

/// <summary>
/// Counts a caller's requests in a fixed window shared by every instance (Redis with <c>Scale:Redis</c>, ADR 046). The
/// window starts with the caller's first request and ends <c>window</c> later, as the per-process limiters' windows do.
/// </summary>
public interface ISharedWindowCounter
{
    /// <summary>Adds one request to <paramref name="key"/>'s window. Throws when the store is unreachable.</summary>
    Task<WindowCount> HitAsync(string key, TimeSpan window);

    /// <inheritdoc cref="HitAsync"/>
    WindowCount Hit(string key, TimeSpan window);
}
