namespace SalesCrm.Core.Common;

/// <summary>
/// Wakes a background worker when work for it has just been committed. Workers also poll, so a wake-up that nobody
/// hears only delays the work; it never loses it. With <c>Scale:Redis</c> the cluster bus sets <see cref="Relay"/> so a
/// commit on one instance wakes the workers of every instance (ADR 046).
/// </summary>
public class WorkSignal
{
    public event Action? Notified;

    /// <summary>Set by the cluster bus: hands every local wake-up on to the other instances.</summary>
    public Action? Relay { get; set; }

    public void Notify()
    {
        NotifyHere();
        Relay?.Invoke();
    }

    /// <summary>Wakes this process's workers only: a wake-up that came from another instance.</summary>
    public void NotifyHere() => Notified?.Invoke();
}
