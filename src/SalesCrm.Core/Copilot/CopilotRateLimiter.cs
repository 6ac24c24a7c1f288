using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Suggest requests per caller per hour (<see cref="CopilotOptions.RequestsPerHour"/>), shared by the panel and the API,
/// with the fixed-window limiter ASP.NET Core's rate limiting is built on (ADR 021). One instance per process.
/// </summary>
public sealed class CopilotRateLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly PartitionedRateLimiter<string> _limiter;

    public CopilotRateLimiter(IOptions<CopilotOptions> options)
    {
        var limit = options.Value.RequestsPerHour;
        _limiter = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>Takes one request from the caller's budget (<paramref name="caller"/>: tenant and user or API key).</summary>
    /// <exception cref="RateLimitedException">The budget is used up; its <c>RetryAfter</c> is when the window resets.</exception>
    public void Take(string caller)
    {
        using var lease = _limiter.AttemptAcquire(caller);
        if (lease.IsAcquired) return;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;
        throw new RateLimitedException(retryAfter, "Too many copilot requests; retry after the window resets.");
    }

    public void Dispose() => _limiter.Dispose();
}
