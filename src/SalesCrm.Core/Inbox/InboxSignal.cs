using SalesCrm.Core.Common;

namespace SalesCrm.Core.Inbox;

/// <summary>Wakes the inbox processor when something was just stored.</summary>
public sealed class InboxSignal : WorkSignal
{
    /// <summary>Wakes the processor if any of the rows just stored still has to be processed.</summary>
    public void NotifyIfPending(List<InboxItem> stored)
    {
        if (stored.Exists(i => i.Status == InboxStatus.Pending)) Notify();
    }
}
