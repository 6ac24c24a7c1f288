using SalesCrm.Core.Scale;
using StackExchange.Redis;

namespace SalesCrm.Web.Infrastructure.Scale;

/// <summary>The cluster bus's channel: one Redis pub/sub channel, <c>{prefix}bus</c>, delivered in order (ADR 046).</summary>
public sealed class RedisClusterTransport(RedisConnection redis, ILogger<RedisClusterTransport> logger) : IClusterTransport
{
    private readonly RedisChannel _channel = RedisChannel.Literal(redis.Prefix + "bus");

    public Task PublishAsync(byte[] message) => redis.Multiplexer.GetSubscriber().PublishAsync(_channel, message);

    /// <summary>
    /// Subscribes once Redis is reachable (a subscription made while it is down could end up registered twice);
    /// StackExchange.Redis renews it after every reconnect.
    /// </summary>
    public async Task SubscribeAsync(Action<byte[]> onMessage, Action onResumed, CancellationToken ct)
    {
        // The subscription connection came back: StackExchange.Redis re-subscribes, but what was published meanwhile is lost.
        EventHandler<ConnectionFailedEventArgs> restored = (_, e) => { if (e.ConnectionType == ConnectionType.Subscription) onResumed(); };
        redis.Multiplexer.ConnectionRestored += restored;
        ct.Register(() => redis.Multiplexer.ConnectionRestored -= restored);
        var subscriber = redis.Multiplexer.GetSubscriber();
        while (!ct.IsCancellationRequested)
        {
            if (redis.Multiplexer.IsConnected)
            {
                try
                {
                    var queue = await subscriber.SubscribeAsync(_channel);
                    queue.OnMessage(m => onMessage((byte[])m.Message!));
                    return;
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Subscribing to the cluster bus failed; retrying");
                    try { await subscriber.UnsubscribeAsync(_channel); } catch (Exception) { /* not subscribed */ }
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(1), ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
