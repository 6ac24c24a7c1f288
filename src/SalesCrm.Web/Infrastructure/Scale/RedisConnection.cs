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
        var configuration = ConfigurationOptions.Parse(FromUrl(connectionString));
        configuration.AbortOnConnectFail = false;
        if (string.IsNullOrEmpty(configuration.ClientName))
            configuration.ClientName = $"salescrm-{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        return configuration;
    }

    /// <summary>
    /// A <c>redis://[user:password@]host[:port][/db]</c> or <c>rediss://…</c> URL (what many hosts and tools hand out) as
    /// StackExchange.Redis's <c>host:port,password=…,defaultDatabase=…,ssl=true</c>, which is what it parses; anything
    /// else is returned as it is. Without this a URL was taken as a host name and never connected.
    /// </summary>
    public static string FromUrl(string connectionString)
    {
        var text = connectionString.Trim();
        if (!text.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
            return connectionString;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
            throw new InvalidOperationException($"Scale:Redis '{connectionString}' is not a valid redis:// URL.");
        var tls = url.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase);
        var parts = new List<string> { $"{url.Host}:{(url.IsDefaultPort || url.Port < 0 ? (tls ? 6380 : 6379) : url.Port)}" };
        if (url.UserInfo is { Length: > 0 } info)
        {
            var colon = info.IndexOf(':');
            var user = Uri.UnescapeDataString(colon < 0 ? "" : info[..colon]);
            var password = Uri.UnescapeDataString(colon < 0 ? info : info[(colon + 1)..]);
            if (user.Length > 0 && user != "default") parts.Add($"user={user}");
            if (password.Length > 0) parts.Add($"password={password}");
        }
        if (url.AbsolutePath.Trim('/') is { Length: > 0 } db)
        {
            if (!int.TryParse(db, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                throw new InvalidOperationException($"Scale:Redis '{connectionString}': the database after the last / must be a number.");
            parts.Add($"defaultDatabase={index}");
        }
        if (tls) parts.Add("ssl=true");
        return string.Join(",", parts);
    }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated) _multiplexer.Value.Dispose();
    }
}
