using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Scale;

namespace SalesCrm.Web.Infrastructure;

/// <summary><c>RateLimits</c>: requests per minute for the API (per API key, else per user and tenant, else per IP) and per webhook endpoint.</summary>
public sealed class RateLimitOptions
{
    public int ApiPermitsPerMinute { get; set; } = 1200;
    public int WebhookPermitsPerMinute { get; set; } = 12000;
    /// <summary>Per-endpoint overrides by the last path segment: <c>meta-leads</c>, <c>zapier-leads</c>, <c>whatsapp</c>.</summary>
    public Dictionary<string, int> Webhooks { get; set; } = new();
}

/// <summary>
/// Fixed one-minute windows from System.Threading.RateLimiting, partitioned per caller. Every API response carries
/// <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (seconds until the window resets);
/// an exhausted window answers 429 RATE_LIMIT_EXCEEDED with <c>Retry-After</c>. One instance serves the middleware (API)
/// and the webhook receivers, which run ahead of the middleware (<see cref="SalesCrm.Web.Features.Inbox.WebhookReceiver"/>).
/// With <c>Scale:Redis</c> the windows are counted in Redis (<see cref="ISharedWindowCounter"/>), so a caller gets its
/// limit across all instances together; while Redis is unreachable each instance falls back to its own windows (ADR 046).
/// </summary>
public sealed class CrmRateLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<(string Key, int Limit)> _limiter;
    private readonly RateLimitWindows _windows;
    private readonly ISharedWindowCounter? _shared;
    private readonly ILogger<CrmRateLimiter>? _logger;

    public CrmRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time, ISharedWindowCounter? shared = null, ILogger<CrmRateLimiter>? logger = null)
    {
        _options = options.Value;
        _shared = shared;
        _logger = logger;
        _windows = new RateLimitWindows(Window, time);
        // Partitioned by the (key, limit) worked out once per request, rather than by the request (which the limiter
        // would partition again for every call).
        _limiter = PartitionedRateLimiter.Create<(string Key, int Limit), string>(p =>
            RateLimitPartition.GetFixedWindowLimiter(p.Key, _ => new FixedWindowRateLimiterOptions { PermitLimit = p.Limit, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public (string Key, int Limit)? Partition(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api/webhooks", out var rest))
        {
            var name = rest.Value?.Trim('/').Split('/').FirstOrDefault() ?? "";
            return ($"webhook:{name}", _options.Webhooks.TryGetValue(name, out var limit) ? limit : _options.WebhookPermitsPerMinute);
        }
        if (path.StartsWithSegments("/api/hooks", out var hook))
        {
            // Workflow webhooks (/api/hooks/workflows/{id}): a window per workflow, so one busy caller never starves another workflow.
            var segments = hook.Value?.Trim('/').Split('/') ?? [];
            var name = segments.FirstOrDefault() ?? "";
            return ($"hook:{string.Join('/', segments.Take(2))}", _options.Webhooks.TryGetValue(name, out var limit) ? limit : _options.WebhookPermitsPerMinute);
        }
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/rest")) return null;
        var user = context.User;
        var key = CurrentUser.ReadGuid(user, CrmClaims.ApiKeyId) is { } apiKey ? $"key:{apiKey}"
            : CurrentUser.ReadGuid(user, CrmClaims.Subject, ClaimTypes.NameIdentifier) is { } userId ? $"user:{userId}:{CurrentUser.ReadGuid(user, CrmClaims.TenantId)}"
            : $"ip:{context.Connection.RemoteIpAddress}";
        return (key, _options.ApiPermitsPerMinute);
    }

    /// <summary>
    /// Takes a permit for the request and sets the <c>X-RateLimit-*</c> headers. False when the window is exhausted; the
    /// 429 problem has then been written. Requests outside the API are always admitted.
    /// </summary>
    public async ValueTask<bool> AdmitAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (Partition(context) is not { } partition) return true;
        var (acquired, remaining, reset) = await SharedAsync(partition) ?? Local(partition);
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = partition.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = ((int)Math.Ceiling(reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (acquired) return true;
        // The limiter's own RetryAfter is always a whole window; the caller's window resets sooner.
        headers.RetryAfter = ((int)Math.Ceiling(reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var problem = new ProblemDetails { Status = 429, Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4", Title = "Too many requests; retry after the window resets." };
        problem.Extensions["code"] = ErrorCodes.RateLimited;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        return false;
    }

    private (bool Acquired, long Remaining, TimeSpan Reset) Local((string Key, int Limit) partition)
    {
        using var lease = _limiter.AttemptAcquire(partition);
        var reset = _windows.UntilReset(partition.Key);
        return (lease.IsAcquired, _limiter.GetStatistics(partition)?.CurrentAvailablePermits ?? 0, reset);
    }

    /// <summary>The caller's window in Redis; null without Redis or while it is unreachable.</summary>
    private async ValueTask<(bool Acquired, long Remaining, TimeSpan Reset)?> SharedAsync((string Key, int Limit) partition)
    {
        if (_shared is null) return null;
        try
        {
            var count = await _shared.HitAsync("api:" + partition.Key, Window);
            return (count.Count <= partition.Limit, partition.Limit - count.Count, count.ResetIn);
        }
        catch (Exception e)
        {
            _logger?.LogWarning(e, "The shared rate limit is unreachable; counting on this instance");
            return null;
        }
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Applies <see cref="CrmRateLimiter"/> to every request that reaches the middleware pipeline.</summary>
public sealed class RateLimitMiddleware(RequestDelegate next, CrmRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (await limiter.AdmitAsync(context, problems)) await next(context);
    }
}

/// <summary>
/// When each caller's window resets, for the <c>X-RateLimit-Reset</c> header. A caller idle for a whole window starts a
/// fresh one (its limiter has replenished), and callers idle that long are forgotten once per window, so the map holds
/// only recent callers however many distinct IPs or keys have called.
/// </summary>
public sealed class RateLimitWindows(TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, DateTimeOffset LastSeen)> _callers = new();
    private long _lastPruneTicks = time.GetUtcNow().UtcTicks;

    public int Count => _callers.Count;

    public TimeSpan UntilReset(string key)
    {
        var now = time.GetUtcNow();
        Prune(now);
        var entry = _callers.AddOrUpdate(key, _ => (now, now), (_, e) => (now - e.LastSeen >= window ? now : e.Start, now));
        var elapsed = now - entry.Start;
        return window - TimeSpan.FromTicks(elapsed.Ticks % window.Ticks);
    }

    private void Prune(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastPruneTicks);
        if (now.UtcTicks - last < window.Ticks || Interlocked.CompareExchange(ref _lastPruneTicks, now.UtcTicks, last) != last) return;
        foreach (var (key, entry) in _callers)
            if (now - entry.LastSeen >= window) _callers.TryRemove(new KeyValuePair<string, (DateTimeOffset, DateTimeOffset)>(key, entry));
    }
}
