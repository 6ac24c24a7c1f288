namespace SalesCrm.Core.Common;

/// <summary>
/// Wakes a background worker when work for it has just been committed. Workers also poll, so a wake-up that nobody
/// hears only delays the work; it never loses it.
/// </summary>
public class WorkSignal
{
    public event Action? Notified;

    public void Notify() => Notified?.Invoke();
}
