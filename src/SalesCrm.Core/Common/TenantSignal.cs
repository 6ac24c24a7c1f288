namespace SalesCrm.Core.Common;

/// <summary>
/// A "something changed in this workspace" signal for open pages: services notify after they commit, pages watch their
/// own workspace and refresh. Not persisted. In one process it stays in the process; with <c>Scale:Redis</c> the
/// cluster bus sets <see cref="Relay"/> and carries each notification to the other instances (ADR 046).
/// </summary>
public abstract class TenantSignal
{
    private event Action<Guid>? Changed;

    /// <summary>Set by the cluster bus: hands every local notification on to the other instances.</summary>
    public Action<Guid>? Relay { get; set; }

    public void Notify(Guid tenantId)
    {
        NotifyHere(tenantId);
        Relay?.Invoke(tenantId);
    }

    /// <summary>Tells this process's watchers only: a notification that came from another instance.</summary>
    public void NotifyHere(Guid tenantId) => Changed?.Invoke(tenantId);

    /// <summary>Tells every watcher of this process, whatever its workspace: notifications may have been lost (the cluster bus was down).</summary>
    public void NotifyAllHere() => Changed?.Invoke(Guid.Empty);

    /// <summary>Calls <paramref name="onChange"/> (which must return at once) whenever the workspace changes, until disposed.</summary>
    public IDisposable Watch(Guid? tenantId, Action onChange)
    {
        Action<Guid> handler = t => { if (t == tenantId || t == Guid.Empty) onChange(); };
        Changed += handler;
        return new Unwatch(() => Changed -= handler);
    }

    private sealed class Unwatch(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
