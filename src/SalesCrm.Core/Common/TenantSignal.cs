namespace SalesCrm.Core.Common;

/// <summary>
/// An in-process "something changed in this workspace" signal for open pages: services notify after they commit, pages
/// watch their own workspace and refresh. Not persisted and not sent to other processes (pages also load fresh).
/// </summary>
public abstract class TenantSignal
{
    private event Action<Guid>? Changed;

    public void Notify(Guid tenantId) => Changed?.Invoke(tenantId);

    /// <summary>Calls <paramref name="onChange"/> (which must return at once) whenever the workspace changes, until disposed.</summary>
    public IDisposable Watch(Guid? tenantId, Action onChange)
    {
        Action<Guid> handler = t => { if (t == tenantId) onChange(); };
        Changed += handler;
        return new Unwatch(() => Changed -= handler);
    }

    private sealed class Unwatch(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
