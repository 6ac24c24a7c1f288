using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;

namespace SalesCrm.Core.Messaging;

/// <summary>
/// Statuses WhatsApp sent for a <c>wamid</c> before the send that got it recorded it (<see cref="EarlyMessageStatus"/>):
/// the send and the late status both call <see cref="ApplyAsync"/>, and whichever claims a row applies it.
/// </summary>
public sealed class EarlyStatusService(IDbContextFactory<CrmDbContext> dbFactory, ICrmEventBus bus, TimeProvider time)
{
    /// <summary>
    /// Applies the statuses that arrived for <paramref name="providerMessageId"/> before a message had it, in WhatsApp's
    /// order, and deletes them. Each row is claimed by its delete inside the transaction, so it applies once even when a
    /// send and the status it raced both get here. Returns the message if it changed.
    /// </summary>
    public async Task<Message?> ApplyAsync(string providerMessageId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var early = await db.EarlyMessageStatuses.AsNoTracking().Where(s => s.ProviderMessageId == providerMessageId).OrderBy(s => s.At).ToListAsync(ct);
        if (early.Count == 0) return null;
        var message = await db.Messages.FirstOrDefaultAsync(m => m.ProviderMessageId == providerMessageId && m.Direction == MessageDirection.Outbound, ct);
        if (message is null) return null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = false;
        foreach (var status in early)
        {
            if (await db.EarlyMessageStatuses.Where(s => s.Id == status.Id).ExecuteDeleteAsync(ct) == 0) continue;
            changed |= MessageStatusRules.Apply(message, status.Status, status.Error, status.At);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (!changed) return null;
        bus.Publish([StatusEvent(message, time.GetUtcNow().UtcDateTime)]);
        return message;
    }

    public static CrmEvent StatusEvent(Message message, DateTime now) =>
        new() { TenantId = message.TenantId, Type = "whatsapp.status", LeadId = message.LeadId, OccurredAt = now, Payload = $"{{\"message_id\":\"{message.Id}\"}}" };
}
