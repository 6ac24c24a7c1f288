namespace SalesCrm.Core.Scale;

/// <summary>
/// One channel every app instance publishes to and listens on (Redis pub/sub with <c>Scale:Redis</c>, ADR 046). A
/// message published by an instance comes back to that instance too, as pub/sub does.
/// </summary>
public interface IClusterTransport
{
    /// <summary>Sends <paramref name="message"/> to every instance. May fail when the transport is down; callers log and go on.</summary>
    Task PublishAsync(byte[] message);

    /// <summary>
    /// Calls <paramref name="onMessage"/> for each message on the channel, in order, from now on (reconnects included),
    /// and <paramref name="onResumed"/> each time the channel is back after a loss — messages sent meanwhile are gone.
    /// </summary>
    Task SubscribeAsync(Action<byte[]> onMessage, Action onResumed, CancellationToken ct);
}
