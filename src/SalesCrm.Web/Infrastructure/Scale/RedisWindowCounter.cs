using SalesCrm.Core.Scale;
using StackExchange.Redis;

namespace SalesCrm.Web.Infrastructure.Scale;

/// <summary>
/// A fixed window per key in Redis, shared by every instance: one script adds the request and, for the window's first,
/// sets the window's expiry; it answers the count and the milliseconds left (ADR 046). Keys: <c>{prefix}rl:{key}</c>.
/// </summary>
public sealed class RedisWindowCounter(RedisConnection redis) : ISharedWindowCounter
{
    private const string Script = """
        local n = redis.call('INCR', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if n == 1 or ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return {n, ttl}
        """;

    /// <inheritdoc cref="Hit"/>
    public async Task<WindowCount> HitAsync(string key, TimeSpan window) =>
        Read(await Connected().GetDatabase().ScriptEvaluateAsync(Script, [Key(key)], [(long)window.TotalMilliseconds]));

    /// <summary>Counts one request in <paramref name="key"/>'s window.</summary>
    /// <exception cref="RedisConnectionException">
    /// Redis is not connected: thrown at once, so the caller counts on its own instance instead of every request waiting
    /// for the client's command timeout (5 s) while Redis is away.
    /// </exception>
    public WindowCount Hit(string key, TimeSpan window) =>
        Read(Connected().GetDatabase().ScriptEvaluate(Script, [Key(key)], [(long)window.TotalMilliseconds]));

    private IConnectionMultiplexer Connected()
    {
        var multiplexer = redis.Multiplexer;
        return multiplexer.IsConnected ? multiplexer
            : throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, NotConnected);
    }

    /// <summary>The message of the exception thrown while Redis is not connected.</summary>
    public const string NotConnected = "Redis is not connected; the window is counted on this instance";

    private RedisKey Key(string key) => redis.Prefix + "rl:" + key;

    private static WindowCount Read(RedisResult result)
    {
        var values = (RedisResult[])result!;
        return new WindowCount((long)values[0], TimeSpan.FromMilliseconds((long)values[1]));
    }
}
