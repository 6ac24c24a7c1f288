using System.Globalization;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Reloads an open page when committed events concern it, without reloading once per event: a burst of events (an
/// import, a webhook storm) costs at most the reload in flight plus one more, and the event queue never waits on a
/// reload. <paramref name="dispatch"/> is the component's <c>InvokeAsync</c>, so the reload runs on its renderer.
/// </summary>
/// <remarks>
/// Requests may come from threads outside the circuit's execution context (the webhook delivery worker, the inbox
/// processor) whose culture is the process default, and the renderer runs a dispatched call in the caller's culture:
/// without care such a live update re-rendered an English page in the neutral resources' language and dates in the
/// invariant format. The reload runs in the culture of the circuit that created this instance (in <c>OnInitialized</c>).
/// </remarks>
public sealed class LiveRefresh(Func<Func<Task>, Task> dispatch, Func<Task> reload, ILogger logger)
{
    private const int Idle = 0, Running = 1, RunningAndPending = 2;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;
    private int _state;

    /// <summary>Asks for a reload that starts after this call; returns at once.</summary>
    public void Request()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == RunningAndPending) return;
            if (Interlocked.CompareExchange(ref _state, state + 1, state) != state) continue;
            if (state == Idle) _ = RunAsync();
            return;
        }
    }

    private async Task RunAsync()
    {
        do
        {
            Interlocked.Exchange(ref _state, Running);
            try
            {
                await dispatch(() =>
                {
                    CultureInfo.CurrentCulture = _culture;
                    CultureInfo.CurrentUICulture = _uiCulture;
                    return reload();
                });
            }
            catch (ObjectDisposedException)
            {
                // The circuit went away; nothing left to refresh.
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Refreshing an open page after events failed");
            }
        }
        while (Interlocked.CompareExchange(ref _state, Idle, Running) != Running);
    }
}
