using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Scale;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Suggest requests per caller per hour (<see cref="CopilotOptions.RequestsPerHour"/>), shared by the panel and the API:
/// a fixed window per caller that starts with the caller's first request. One instance per process (ADR 021). Its own
/// counter rather than <c>System.Threading.RateLimiting</c>'s fixed-window limiter, whose refusal always says "retry in a
/// whole window" (3,600 s) however little of the window is left; here <c>Retry-After</c> is the seconds until this
/// caller's window ends. With <c>Scale:Redis</c> the window is counted in Redis (<see cref="ISharedWindowCounter"/>),
/// so the budget holds across instances; while Redis is unreachable this instance counts alone (ADR 046).
/// </summary>
public sealed class CopilotRateLimiter(IOptions<CopilotOptions> options, TimeProvider time, ISharedWindowCounter? shared = null, ILogger<CopilotRateLimiter>? logger = null)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Budget> _callers = new();
    private long _lastPruneTicks = time.GetUtcNow().UtcTicks;

    private sealed class Budget(DateTimeOffset start)
    {
        public DateTimeOffset Start = start;
        public int Used;
    }

    /// <inheritdoc cref="Take"/>
    public async Task TakeAsync(string caller)
    {
        if (shared is not null)
        {
            WindowCount count;
            try { count = await shared.HitAsync("copilot:" + caller, Window); }
            catch (Exception e)
            {
                logger?.LogWarning(e, "The shared copilot limit is unreachable; counting on this instance");
                Take(caller);
                return;
            }
            if (count.Count <= options.Value.RequestsPerHour) return;
            throw new RateLimitedException(count.ResetIn, "Too many copilot requests; retry after the window resets.");
        }
        Take(caller);
    }

    /// <summary>Takes one request from the caller's budget in this process (<paramref name="caller"/>: tenant and user or API key).</summary>
    /// <exception cref="RateLimitedException">The budget is used up; its <c>RetryAfter</c> is the time left until the caller's window resets.</exception>
    public void Take(string caller)
    {
        var now = time.GetUtcNow();
        Prune(now);
        var budget = _callers.GetOrAdd(caller, _ => new Budget(now));
        lock (budget)
        {
            if (now - budget.Start >= Window) (budget.Start, budget.Used) = (now, 0);
            if (budget.Used < options.Value.RequestsPerHour)
            {
                budget.Used++;
                return;
            }
            throw new RateLimitedException(budget.Start + Window - now, "Too many copilot requests; retry after the window resets.");
        }
    }

    /// <summary>Callers whose window ended are forgotten once per window, so the map holds only recent callers.</summary>
    private void Prune(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastPruneTicks);
        if (now.UtcTicks - last < Window.Ticks || Interlocked.CompareExchange(ref _lastPruneTicks, now.UtcTicks, last) != last) return;
        foreach (var (key, budget) in _callers)
            if (now - budget.Start >= Window) _callers.TryRemove(new KeyValuePair<string, Budget>(key, budget));
    }
}
