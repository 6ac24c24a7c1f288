using System.Collections.Concurrent;
using SalesCrm.Core.Scale;

namespace SalesCrm.Core.Tests.Scale;

/// <summary>An in-memory stand-in for the Redis window counter that several limiters share; <see cref="Down"/> makes it throw.</summary>
public sealed class CountingWindowStore : ISharedWindowCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public bool Down { get; set; }
    public TimeSpan ResetIn { get; set; } = TimeSpan.FromMinutes(25);

    public WindowCount Hit(string key, TimeSpan window) =>
        Down ? throw new InvalidOperationException("the store is down") : new WindowCount(_counts.AddOrUpdate(key, 1, (_, n) => n + 1), ResetIn);

    public Task<WindowCount> HitAsync(string key, TimeSpan window) => Task.FromResult(Hit(key, window));
}
