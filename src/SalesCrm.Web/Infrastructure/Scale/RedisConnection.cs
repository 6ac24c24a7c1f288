using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SalesCrm.Web.Infrastructure.Scale;

/// <summary>
/// The instance's Redis connection for the cluster bus, the shared rate limits and the health check, opened on first use.
/// It never refuses to start when Redis is down (<c>AbortOnConnectFail=false</c>) and reconnects by itself; the last
/// connection failure is kept for <c>/health/ready</c>.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(IOptions<ScaleOptions> options, ILogger<RedisConnection> logger)
    {
        Prefix = options.Value.RedisPrefix;
        _multiplexer = new Lazy<ConnectionMultiplexer>(() =>
        {
            var multiplexer = ConnectionMultiplexer.Connect(Configure(options.Value.Redis!));
            multiplexer.ConnectionFailed += (_, e) => LastFailure = e.Exception ?? new RedisConnectionException(e.FailureType, $"{e.FailureType} on {e.EndPoint}");
            multiplexer.ConnectionRestored += (_, _) => LastFailure = null;
            if (!multiplexer.IsConnected) logger.LogWarning("Redis is not reachable yet; live updates reach only this instance until it is");
            return multiplexer;
        });
    }

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public string Prefix { get; }

    /// <summary>Why the connection last failed, until it is restored.</summary>
    public Exception? LastFailure { get; private set; }

    /// <summary>
    /// The options this app opens Redis with: never abort on a failed connect, keep retrying; unless the connection string
    /// names the client, <c>salescrm-{machine}-{pid}-{random}</c>, so <c>CLIENT LIST</c> tells the instances apart.
    /// </summary>
    public static ConfigurationOptions Configure(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        if (string.IsNullOrEmpty(configuration.ClientName))
            configuration.ClientName = $"salescrm-{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        return configuration;
    }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated) _multiplexer.Value.Dispose();
    }
}
