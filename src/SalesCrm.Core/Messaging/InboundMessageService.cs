using SalesCrm.Core.Analytics;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Messaging;

/// <summary>
/// What WhatsApp tells the CRM, applied once per idempotency key (the inbox processor calls these): messages (a new
/// sender becomes a lead through <see cref="LeadService.CaptureAsync"/>), delivery statuses, reactions and notices.
/// </summary>
public sealed class InboundMessageService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadService leadService, EarlyStatusService early,
    ICrmEventBus bus, TimeProvider time, Copilot.MessageTriageService triage)
{
    /// <summary>How long a status for an unknown <c>wamid</c> waits for its message (<see cref="EarlyMessageStatus"/>); a send answers in seconds.</summary>
    public static readonly TimeSpan EarlyStatusLifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// Stores an inbound message on the sender's lead (created if new), with its timeline entry and event, once. A
    /// <see cref="InboundMessageKind.Notice"/> only adds a timeline note to a lead that already exists (no message, no
    /// unread, no event) and returns null.
    /// </summary>
    /// <remarks>
    /// A sender id of digits that is no phone number libphonenumber can read (a numbering change newer than its metadata,
    /// as Mexico's was) does not lose the customer's message: it lands on the lead holding that id as
    /// <c>whatsapp_id</c> with no phone, created with <c>+</c> and the id as <c>phone_raw</c> if there is none, and replies go to the id
    /// (WhatsApp routes to it whatever its spelling). A line for <paramref name="warnings"/> says so on the inbox item.
    /// A sender that is not digits is no WhatsApp id: a <see cref="ValidationException"/> on <c>from</c>.
    /// </remarks>
    public async Task<MessageDto?> ReceiveAsync(InboundMessage inbound, string idempotencyKey, CancellationToken ct = default, ICollection<string>? warnings = null)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ProcessedKeys.AnyAsync(k => k.TenantId == tenantId && k.Key == idempotencyKey, ct)) return null;
        var (waId, phone, region) = await SenderAsync(db, tenantId, inbound.FromPhone, ct);
        var lead = await SenderLeads(db, waId, phone).FirstOrDefaultAsync(ct);
        if (inbound.Kind == InboundMessageKind.Notice) return await NoteAsync(db, tenantId, lead, inbound, idempotencyKey, now, ct);
        // Without a profile name the lead is named after its phone as people write it in the workspace's country.
        var senderName = !string.IsNullOrWhiteSpace(inbound.ProfileName) ? inbound.ProfileName : phone is null ? waId : ContactNormalizer.Display(phone, region);
        if (lead is null)
        {
            // An id that is no phone is kept as WhatsApp means it, international: "+" + digits (never re-read in the workspace's region).
            var input = new LeadInput { Name = senderName, Phone = phone ?? "+" + waId, KeepUnreadablePhone = phone is null, WhatsappId = waId, Source = LeadSource.Whatsapp };
            var captured = await leadService.CaptureAsync(input, ct);
            lead = await db.Leads.FirstAsync(l => l.Id == captured.LeadId, ct);
        }
        if (phone is null)
            warnings?.Add($"sender '{waId}' is not a phone number; the message was kept on lead {lead.Id}, which holds it as phone_raw and whatsapp_id (replies go to it).");
        lead.WhatsappId = waId;
        var message = new Message
        {
            TenantId = tenantId, LeadId = lead.Id, Direction = MessageDirection.Inbound, Type = inbound.Type, Text = inbound.Text, MediaId = inbound.MediaId,
            MediaMimeType = inbound.MediaMimeType, FileName = inbound.FileName, Latitude = inbound.Latitude, Longitude = inbound.Longitude,
            Status = MessageStatus.Received, ProviderMessageId = inbound.ProviderMessageId, CreatedAt = inbound.SentAt, StoredAt = now, StatusAt = now,
        };
        if (!string.IsNullOrWhiteSpace(message.Text)) Copilot.MessageTriageService.Apply(message, await triage.TriageAsync(message.Text, ct));
        db.Messages.Add(message);
        var interaction = MessageTimeline.EntryFor(message, null, senderName);
        db.Interactions.Add(interaction);
        await InteractionService.ApplyToLeadAsync(db, lead, interaction, now, ct);
        await ResponseTracking.InboundAsync(db, lead, message.CreatedAt, ct);
        db.ProcessedKeys.Add(new ProcessedKey { Key = idempotencyKey, TenantId = tenantId, ProcessedAt = now });
        var events = new List<CrmEvent>
        {
            db.Record(EventTypes.WhatsAppReceived, tenantId, lead.Id, new { lead_id = lead.Id, message_id = message.Id, type = message.Type, text = message.Text, owner_id = lead.OwnerId, version = lead.Version }, now),
            InteractionService.CreatedEvent(db, lead, interaction, now),
        };
        await db.SaveChangesAsync(ct);
        bus.Publish(events);
        return MessageDto.From(message);
    }

    /// <summary>
    /// Applies a delivery status to the outbound message with that <c>wamid</c> by <see cref="MessageStatusRules"/>, once per
    /// <paramref name="idempotencyKey"/>; publishes <c>whatsapp.status</c> only when the message changed. A status for an
    /// id no message has yet is kept (<see cref="EarlyMessageStatus"/>) for the send still waiting for its answer; one for
    /// an id we never sent is dropped after <see cref="EarlyStatusLifetime"/>. Never fails for an unknown id. True when a message changed.
    /// </summary>
    public async Task<bool> ApplyStatusAsync(string providerMessageId, MessageStatus status, string? error, DateTime at, string idempotencyKey, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ProcessedKeys.AnyAsync(k => k.TenantId == tenantId && k.Key == idempotencyKey, ct)) return false;
        var message = await db.Messages.FirstOrDefaultAsync(m => m.ProviderMessageId == providerMessageId && m.Direction == MessageDirection.Outbound, ct);
        var now = time.GetUtcNow().UtcDateTime;
        db.ProcessedKeys.Add(new ProcessedKey { Key = idempotencyKey, TenantId = tenantId, ProcessedAt = now });
        if (message is null)
        {
            db.EarlyMessageStatuses.Add(new EarlyMessageStatus { TenantId = tenantId, ProviderMessageId = providerMessageId, Status = status, Error = error, At = at, ReceivedAt = now });
            var expired = now - EarlyStatusLifetime;
            await db.EarlyMessageStatuses.Where(s => s.ReceivedAt < expired).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            // The send that gets this id may have committed after it looked for early statuses and before this one was
            // stored: look again now that it is. Whichever side claims the row applies it (EarlyStatusService.ApplyAsync).
            return await early.ApplyAsync(providerMessageId, ct) is not null;
        }
        var changed = MessageStatusRules.Apply(message, status, error, at);
        await db.SaveChangesAsync(ct);
        if (changed) bus.Publish([EarlyStatusService.StatusEvent(message, now)]);
        return changed;
    }

    /// <summary>
    /// Sets (or, with a null <paramref name="emoji"/>, clears) the customer's reaction on the message with that
    /// <c>wamid</c>, once per <paramref name="idempotencyKey"/>. A reaction is not a new message: no unread count, no last
    /// message, no <c>whatsapp.received</c>; open conversations refresh through a <c>whatsapp.reaction</c> notice. Only a
    /// message in the sender's own conversation (the lead whose phone is <paramref name="fromWaId"/>, WhatsApp's
    /// <c>from</c>) takes the reaction: one naming another lead's message, or a message the CRM does not have, is ignored.
    /// True when a message changed.
    /// </summary>
    public async Task<bool> ReactAsync(string fromWaId, string reactedToProviderMessageId, string? emoji, string idempotencyKey, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ProcessedKeys.AnyAsync(k => k.TenantId == tenantId && k.Key == idempotencyKey, ct)) return false;
        var now = time.GetUtcNow().UtcDateTime;
        db.ProcessedKeys.Add(new ProcessedKey { Key = idempotencyKey, TenantId = tenantId, ProcessedAt = now });
        var (waId, phone, _) = await SenderAsync(db, tenantId, fromWaId, ct);
        var senderLeads = SenderLeads(db, waId, phone).Select(l => l.Id);
        var message = await db.Messages.FirstOrDefaultAsync(m => m.ProviderMessageId == reactedToProviderMessageId && senderLeads.Contains(m.LeadId), ct);
        var value = emoji is { Length: > 32 } ? emoji[..32] : emoji;
        var changed = message is not null && message.Reaction != value;
        if (changed) message!.Reaction = value;
        await db.SaveChangesAsync(ct);
        if (changed)
            bus.Publish([new CrmEvent { TenantId = tenantId, Type = "whatsapp.reaction", LeadId = message!.LeadId, OccurredAt = now, Payload = $"{{\"message_id\":\"{message.Id}\"}}" }]);
        return changed;
    }

    /// <summary>
    /// The sender's WhatsApp id (digits, as WhatsApp gave it), its canonical phone (E.164) — always country code + number,
    /// which matches a lead whichever spelling it was saved with — or null when libphonenumber cannot read it as one, and
    /// the workspace's region. A <see cref="ValidationException"/> on <c>from</c> when it is not an id of up to 20 digits.
    /// </summary>
    private static async Task<(string WaId, string? Phone, string Region)> SenderAsync(CrmDbContext db, Guid tenantId, string from, CancellationToken ct)
    {
        var waId = from.TrimStart('+');
        if (waId.Length is 0 or > 20 || !waId.All(char.IsAsciiDigit)) throw new ValidationException("from", $"'{from}' is not a phone number.");
        var region = (await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstAsync(ct)).DefaultRegion;
        return (waId, ContactNormalizer.TryNormalizePhone("+" + waId, region), region);
    }

    /// <summary>The sender's lead: the one with that phone, or for an id that is no phone the one without a phone that holds the id.</summary>
    private static IQueryable<Leads.Lead> SenderLeads(CrmDbContext db, string waId, string? phone) =>
        phone is not null ? db.Leads.Where(l => l.Phone == phone) : db.Leads.Where(l => l.Phone == null && l.WhatsappId == waId);

    /// <summary>A WhatsApp notice about the customer (a <c>system</c> message) as a timeline note on the known lead; nothing for an unknown sender.</summary>
    private async Task<MessageDto?> NoteAsync(CrmDbContext db, Guid tenantId, Leads.Lead? lead, InboundMessage notice, string idempotencyKey, DateTime now, CancellationToken ct)
    {
        db.ProcessedKeys.Add(new ProcessedKey { Key = idempotencyKey, TenantId = tenantId, ProcessedAt = now });
        var events = new List<CrmEvent>();
        if (lead is not null)
        {
            var interaction = new Interaction
            {
                TenantId = tenantId, LeadId = lead.Id, Type = InteractionType.Note, AuthorName = "WhatsApp", OccurredAt = notice.SentAt, CreatedAt = now,
                Text = $"WhatsApp: {notice.Text}",
            };
            db.Interactions.Add(interaction);
            await InteractionService.ApplyToLeadAsync(db, lead, interaction, now, ct);
            events.Add(InteractionService.CreatedEvent(db, lead, interaction, now));
        }
        await db.SaveChangesAsync(ct);
        bus.Publish(events);
        return null;
    }
}
