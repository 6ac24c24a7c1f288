using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SalesCrm.Web.Infrastructure.Scale;

/// <summary>
/// <c>redis</c> in <c>/health/ready</c>: healthy with the round trip when Redis answers; degraded (not unhealthy: the
/// instance still serves, live updates and rate limits fall back to this instance) with the error when it does not.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var multiplexer = redis.Multiplexer;
            if (!multiplexer.IsConnected)
                return HealthCheckResult.Degraded("Redis unreachable: live updates and rate limits cover this instance only.",
                    redis.LastFailure ?? new StackExchange.Redis.RedisConnectionException(StackExchange.Redis.ConnectionFailureType.UnableToConnect, $"No connection to {multiplexer.Configuration}"));
            var roundTrip = await multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), ct);
            return HealthCheckResult.Healthy(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Redis answered in {roundTrip.TotalMilliseconds:0.0} ms."));
        }
        catch (Exception e)
        {
            return HealthCheckResult.Degraded("Redis unreachable: live updates and rate limits cover this instance only.", e);
        }
    }
}
