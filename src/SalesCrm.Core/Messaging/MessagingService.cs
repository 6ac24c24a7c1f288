using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Inbox;

namespace SalesCrm.Core.Messaging;

public sealed class MessagingService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, LeadService leadService,
    IWhatsAppSender sender, IFileStorage storage, ICrmEventBus bus, TimeProvider time, ConversationActivity activity)
{
    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(24);

    /// <summary>How long a status for an unknown <c>wamid</c> waits for its message (<see cref="EarlyMessageStatus"/>); a send answers in seconds.</summary>
    public static readonly TimeSpan EarlyStatusLifetime = TimeSpan.FromDays(1);

    public async Task<Paged<MessageDto>> ListAsync(Guid leadId, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await (await leads.VisibleAsync(db, ct)).AnyAsync(l => l.Id == leadId, ct)) throw new NotFoundException("Lead", leadId);
        var q = db.Messages.AsNoTracking().Where(m => m.LeadId == leadId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.StoredAt).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<MessageDto>(items.Select(ToDto).ToList(), total, page.Limit, page.Offset);
    }

    /// <summary>
    /// Stores an inbound message on the sender's lead (created if new), with its timeline entry and event, once. A
    /// <see cref="InboundMessageKind.Notice"/> only adds a timeline note to a lead that already exists (no message, no
    /// unread, no event) and returns null.
    /// </summary>
    public async Task<MessageDto?> ReceiveAsync(InboundMessage inbound, string idempotencyKey, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ProcessedKeys.AnyAsync(k => k.TenantId == tenantId && k.Key == idempotencyKey, ct)) return null;
        var region = (await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstAsync(ct)).DefaultRegion;
        // wa_id is always country code + number; the canonical phone matches a lead whichever spelling it was saved with.
        var waId = inbound.FromPhone.TrimStart('+');
        var phone = ContactNormalizer.TryNormalizePhone("+" + waId, region) ?? throw new ValidationException("from", $"'{inbound.FromPhone}' is not a phone number.");
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Phone == phone, ct);
        if (inbound.Kind == InboundMessageKind.Notice) return await NoteAsync(db, tenantId, lead, inbound, idempotencyKey, now, ct);
        if (lead is null)
        {
            var input = new LeadInput { Name = string.IsNullOrWhiteSpace(inbound.ProfileName) ? phone : inbound.ProfileName, Phone = phone, WhatsappId = waId, Source = LeadSource.Whatsapp };
            var captured = await leadService.CaptureAsync(input, ct);
            lead = await db.Leads.FirstAsync(l => l.Id == captured.LeadId, ct);
        }
        lead.WhatsappId = waId;
        var message = new Message
        {
            TenantId = tenantId, LeadId = lead.Id, Direction = MessageDirection.Inbound, Type = inbound.Type, Text = inbound.Text, MediaId = inbound.MediaId,
            MediaMimeType = inbound.MediaMimeType, FileName = inbound.FileName, Latitude = inbound.Latitude, Longitude = inbound.Longitude,
            Status = MessageStatus.Received, ProviderMessageId = inbound.ProviderMessageId, CreatedAt = inbound.SentAt, StoredAt = now, StatusAt = now,
        };
        db.Messages.Add(message);
        var interaction = new Interaction
        {
            TenantId = tenantId, LeadId = lead.Id, Type = InteractionType.Whatsapp, AuthorName = inbound.ProfileName ?? phone, OccurredAt = inbound.SentAt, CreatedAt = now,
            Text = Describe(inbound.Type, inbound.Text, inbound.FileName),
        };
        db.Interactions.Add(interaction);
        await InteractionService.ApplyToLeadAsync(db, lead, interaction, now, ct);
        db.ProcessedKeys.Add(new ProcessedKey { Key = idempotencyKey, TenantId = tenantId, ProcessedAt = now });
        var events = new List<CrmEvent>
        {
            db.Record(EventTypes.WhatsAppReceived, tenantId, lead.Id, new { lead_id = lead.Id, message_id = message.Id, type = message.Type, text = message.Text, owner_id = lead.OwnerId, version = lead.Version }, now),
        };
        await db.SaveChangesAsync(ct);
        bus.Publish(events);
        return ToDto(message);
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
            // stored: look again now that it is. Whichever side claims the row applies it (ApplyEarlyStatusesAsync).
            return await ApplyEarlyStatusesAsync(providerMessageId, ct) is not null;
        }
        var changed = MessageStatusRules.Apply(message, status, error, at);
        await db.SaveChangesAsync(ct);
        if (changed) bus.Publish([StatusEvent(message, now)]);
        return changed;
    }

    /// <summary>
    /// Applies the statuses that arrived for <paramref name="providerMessageId"/> before a message had it, in WhatsApp's
    /// order, and deletes them. Each row is claimed by its delete inside the transaction, so it applies once even when a
    /// send and the status it raced both get here. Returns the message if it changed.
    /// </summary>
    private async Task<Message?> ApplyEarlyStatusesAsync(string providerMessageId, CancellationToken ct)
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

    /// <summary>
    /// Sets (or, with a null <paramref name="emoji"/>, clears) the customer's reaction on the message with that
    /// <c>wamid</c>, once per <paramref name="idempotencyKey"/>. A reaction is not a new message: no unread count, no last
    /// message, no <c>whatsapp.received</c>; open conversations refresh through a <c>whatsapp.reaction</c> notice. A
    /// reaction to a message the CRM does not have is ignored. True when a message changed.
    /// </summary>
    public async Task<bool> ReactAsync(string reactedToProviderMessageId, string? emoji, string idempotencyKey, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ProcessedKeys.AnyAsync(k => k.TenantId == tenantId && k.Key == idempotencyKey, ct)) return false;
        var now = time.GetUtcNow().UtcDateTime;
        db.ProcessedKeys.Add(new ProcessedKey { Key = idempotencyKey, TenantId = tenantId, ProcessedAt = now });
        var message = await db.Messages.FirstOrDefaultAsync(m => m.ProviderMessageId == reactedToProviderMessageId, ct);
        var value = emoji is { Length: > 32 } ? emoji[..32] : emoji;
        var changed = message is not null && message.Reaction != value;
        if (changed) message!.Reaction = value;
        await db.SaveChangesAsync(ct);
        if (changed)
            bus.Publish([new CrmEvent { TenantId = tenantId, Type = "whatsapp.reaction", LeadId = message!.LeadId, OccurredAt = now, Payload = $"{{\"message_id\":\"{message.Id}\"}}" }]);
        return changed;
    }

    /// <summary>A WhatsApp notice about the customer (a <c>system</c> message) as a timeline note on the known lead; nothing for an unknown sender.</summary>
    private async Task<MessageDto?> NoteAsync(CrmDbContext db, Guid tenantId, Leads.Lead? lead, InboundMessage notice, string idempotencyKey, DateTime now, CancellationToken ct)
    {
        db.ProcessedKeys.Add(new ProcessedKey { Key = idempotencyKey, TenantId = tenantId, ProcessedAt = now });
        if (lead is not null)
        {
            var interaction = new Interaction
            {
                TenantId = tenantId, LeadId = lead.Id, Type = InteractionType.Note, AuthorName = "WhatsApp", OccurredAt = notice.SentAt, CreatedAt = now,
                Text = $"WhatsApp: {notice.Text}",
            };
            db.Interactions.Add(interaction);
            await InteractionService.ApplyToLeadAsync(db, lead, interaction, now, ct);
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static CrmEvent StatusEvent(Message message, DateTime now) =>
        new() { TenantId = message.TenantId, Type = "whatsapp.status", LeadId = message.LeadId, OccurredAt = now, Payload = $"{{\"message_id\":\"{message.Id}\"}}" };

    /// <summary>
    /// Sends free text (only inside 24 hours of the lead's last message, WhatsApp's rule) or an approved template with its
    /// variables filled from the lead and <paramref name="variables"/>. Without a connected number the message is queued.
    /// </summary>
    public async Task<MessageDto> SendAsync(Guid leadId, string? text, Guid? templateId, IReadOnlyDictionary<string, string>? variables, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var v = new Validator().When(templateId is null && string.IsNullOrWhiteSpace(text), "text", "is required (or send a template_id).")
            .When(templateId is not null && text is not null, "text", "send either text or a template, not both.")
            .When(text is { Length: > 4096 }, "text", "must be at most 4096 characters.");
        v.ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await (await leads.VisibleAsync(db, ct)).FirstOrDefaultAsync(l => l.Id == leadId, ct) ?? throw new NotFoundException("Lead", leadId);
        if (lead.Phone is null) throw new ValidationException("lead", "has no phone number.");
        var message = new Message
        {
            // Whole seconds, like WhatsApp's timestamps on inbound messages: a customer's answer in the same second then
            // sorts after this message by arrival (StoredAt) instead of before it by the sub-second part.
            TenantId = tenantId, LeadId = leadId, Direction = MessageDirection.Outbound, Status = MessageStatus.Queued, AuthorId = access.User.UserId,
            CreatedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), StoredAt = now, StatusAt = now,
        };
        MessageTemplate? template = null;
        if (templateId is { } tid)
        {
            template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == tid, ct) ?? throw new ValidationException("template_id", "does not name a template of this workspace.");
            if (template.Status != TemplateStatus.Approved) throw new ValidationException("template_id", "is not approved for sending.");
            var values = await LeadVariablesAsync(db, lead, ct);
            foreach (var (key, value) in variables ?? new Dictionary<string, string>()) values[key] = value;
            var (rendered, parameters) = TemplateText.Render(template.Body, values);
            message.Type = MessageType.Template;
            message.Text = rendered;
            message.TemplateId = template.Id;
            message.TemplateParameters = System.Text.Json.JsonSerializer.Serialize(parameters);
        }
        else
        {
            var lastInbound = await db.Messages.Where(m => m.LeadId == leadId && m.Direction == MessageDirection.Inbound).MaxAsync(m => (DateTime?)m.CreatedAt, ct);
            if (lastInbound is null || now - lastInbound > CustomerServiceWindow)
                throw new ConflictException("Outside WhatsApp's 24-hour customer service window: send an approved template instead.");
            message.Type = MessageType.Text;
            message.Text = text!.Trim();
        }
        Apply(message, await DeliverAsync(tenantId, lead, message, template, ct), now);
        db.Messages.Add(message);
        var interaction = new Interaction
        {
            TenantId = tenantId, LeadId = leadId, Type = InteractionType.Whatsapp, AuthorId = access.User.UserId, AuthorName = access.User.DisplayName,
            OccurredAt = now, CreatedAt = now, Text = message.Text,
        };
        db.Interactions.Add(interaction);
        await InteractionService.ApplyToLeadAsync(db, lead, interaction, now, ct);
        var events = new List<CrmEvent>();
        if (message.Status == MessageStatus.Sent) events.Add(SentEvent(db, lead, message, now));
        await db.SaveChangesAsync(ct);
        bus.Publish(events);
        return ToDto(await AfterSendAsync(message, ct));
    }

    /// <summary>Once a send has committed its <c>wamid</c>, statuses that arrived before the Cloud API's answer apply.</summary>
    private async Task<Message> AfterSendAsync(Message message, CancellationToken ct) =>
        message.ProviderMessageId is { } wamid && await ApplyEarlyStatusesAsync(wamid, ct) is { } updated ? updated : message;

    /// <summary>Sends a failed or queued outbound message again, exactly as it was composed.</summary>
    public async Task<MessageDto> RetryAsync(Guid leadId, Guid messageId, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await (await leads.VisibleAsync(db, ct)).FirstOrDefaultAsync(l => l.Id == leadId, ct) ?? throw new NotFoundException("Lead", leadId);
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == messageId && m.LeadId == leadId && m.Direction == MessageDirection.Outbound, ct)
                      ?? throw new NotFoundException("Message", messageId);
        if (message.Status is not (MessageStatus.Failed or MessageStatus.Queued)) throw new ConflictException("Only failed or queued messages can be retried.");
        var template = message.TemplateId is { } tid ? await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
        Apply(message, await DeliverAsync(tenantId, lead, message, template, ct), now);
        var events = new List<CrmEvent>();
        if (message.Status == MessageStatus.Sent) events.Add(SentEvent(db, lead, message, now));
        await db.SaveChangesAsync(ct);
        bus.Publish(events.Count > 0 ? events : [new CrmEvent { TenantId = tenantId, Type = "whatsapp.status", LeadId = leadId, OccurredAt = now }]);
        return ToDto(await AfterSendAsync(message, ct));
    }

    /// <summary>Leads with messages, newest conversation first, with the last message and how many inbound ones are unread.</summary>
    public async Task<Paged<ConversationDto>> ConversationsAsync(PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await leads.VisibleAsync(db, ct);
        var latest = db.Messages.Where(m => visible.Any(l => l.Id == m.LeadId)).GroupBy(m => m.LeadId)
            .Select(g => new { LeadId = g.Key, Last = g.Max(m => m.CreatedAt), LastStored = g.Max(m => m.StoredAt), Unread = g.Count(m => m.Direction == MessageDirection.Inbound && m.ReadAt == null) });
        var total = await latest.CountAsync(ct);
        // Provider timestamps have one-second resolution; the arrival time breaks ties.
        var rows = await latest.OrderByDescending(x => x.Last).ThenByDescending(x => x.LastStored).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        var ids = rows.Select(r => r.LeadId).ToList();
        var leadRows = await db.Leads.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var messages = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.LeadId)).GroupBy(m => m.LeadId)
            .Select(g => g.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.StoredAt).First()).ToListAsync(ct);
        var byLead = messages.ToDictionary(m => m.LeadId);
        var items = rows.Select(r => new ConversationDto(r.LeadId, leadRows[r.LeadId].Name, leadRows[r.LeadId].Phone, ToDto(byLead[r.LeadId]), r.Unread)).ToList();
        return new Paged<ConversationDto>(items, total, page.Limit, page.Offset);
    }

    /// <summary>A media message's file: fetched from WhatsApp on first view and kept in local storage (WhatsApp's copies expire).</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenMediaAsync(Guid leadId, Guid messageId, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await (await leads.VisibleAsync(db, ct)).AnyAsync(l => l.Id == leadId, ct)) throw new NotFoundException("Lead", leadId);
        var message = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.LeadId == leadId, ct) ?? throw new NotFoundException("Message", messageId);
        if (message.MediaId is null) throw new NotFoundException("Media", messageId);
        var key = $"{tenantId:N}/whatsapp/{message.MediaId}";
        var contentType = message.MediaMimeType?.Split(';')[0].Trim() ?? "application/octet-stream";
        var fileName = message.FileName ?? $"{message.MediaId}{Extension(contentType)}";
        try
        {
            return (await storage.OpenReadAsync(key, ct), contentType, fileName);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            var (bytes, type) = await sender.DownloadMediaAsync(tenantId, message.MediaId, ct);
            try { await storage.SaveAsync(key, new MemoryStream(bytes), ct); }
            catch (IOException) { /* another viewer stored it first */ }
            return (new MemoryStream(bytes), message.MediaMimeType is null ? type : contentType, fileName);
        }
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg", "image/png" => ".png", "image/webp" => ".webp", "audio/ogg" => ".ogg", "audio/mpeg" => ".mp3", "video/mp4" => ".mp4", "application/pdf" => ".pdf",
        _ => "",
    };

    /// <summary>Marks the lead's inbound messages as read (the conversation was opened).</summary>
    public async Task<int> MarkReadAsync(Guid leadId, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await (await leads.VisibleAsync(db, ct)).AnyAsync(l => l.Id == leadId, ct)) throw new NotFoundException("Lead", leadId);
        var now = time.GetUtcNow().UtcDateTime;
        var marked = await db.Messages.Where(m => m.LeadId == leadId && m.Direction == MessageDirection.Inbound && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
        if (marked > 0) activity.Notify(tenantId);
        return marked;
    }

    /// <summary>Inbound messages not yet read, over the conversations the reader may see (the menu's badge).</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await leads.VisibleAsync(db, ct);
        return await db.Messages.Where(m => m.ReadAt == null && m.Direction == MessageDirection.Inbound && visible.Any(l => l.Id == m.LeadId)).CountAsync(ct);
    }

    /// <summary>Addressed to the id WhatsApp gave for the lead (for older Brazilian accounts the form without the ninth digit), else its phone.</summary>
    private Task<SendResult> DeliverAsync(Guid tenantId, Leads.Lead lead, Message message, MessageTemplate? template, CancellationToken ct) =>
        DeliverAsync(tenantId, lead.WhatsappId ?? lead.Phone ?? throw new ValidationException("lead", "has no phone number."), message, template, ct);

    private Task<SendResult> DeliverAsync(Guid tenantId, string to, Message message, MessageTemplate? template, CancellationToken ct) =>
        template is null
            ? sender.SendTextAsync(tenantId, to, message.Text!, ct)
            : sender.SendTemplateAsync(tenantId, to, template.Name, template.Language,
                System.Text.Json.JsonSerializer.Deserialize<List<string>>(message.TemplateParameters ?? "[]") ?? [], ct);

    private static void Apply(Message message, SendResult result, DateTime now)
    {
        message.Status = result.Status;
        message.ProviderMessageId = result.ProviderMessageId ?? message.ProviderMessageId;
        message.Error = result.Error;
        message.StatusAt = now;
    }

    private static CrmEvent SentEvent(CrmDbContext db, Leads.Lead lead, Message message, DateTime now) =>
        db.Record(EventTypes.WhatsAppSent, lead.TenantId, lead.Id, new { lead_id = lead.Id, message_id = message.Id, provider_message_id = message.ProviderMessageId, owner_id = lead.OwnerId, version = lead.Version }, now);

    private static async Task<Dictionary<string, string>> LeadVariablesAsync(CrmDbContext db, Leads.Lead lead, CancellationToken ct)
    {
        var owner = lead.OwnerId is { } o ? await db.Users.Where(u => u.Id == o).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lead_name"] = lead.Name, ["first_name"] = lead.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? lead.Name,
            ["value"] = (lead.ValueCents / 100m).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("pt-BR")),
        };
        if (lead.Company is not null) values["company"] = lead.Company;
        if (owner is not null) values["owner_name"] = owner;
        return values;
    }

    private static string Describe(MessageType type, string? text, string? fileName) => type switch
    {
        MessageType.Text or MessageType.Interactive or MessageType.Button => text ?? "",
        MessageType.Contacts => $"👤 {text}",
        MessageType.Order => $"🛒 {text}",
        MessageType.Location => $"📍 {text}",
        _ => $"[{SnakeEnum.ToText(type)}] {text ?? fileName}".Trim(),
    };

    public static MessageDto ToDto(Message m) => new(m.Id, m.LeadId, m.Direction, m.Type, m.Text, SnakeEnum.ToText(m.Status), m.ProviderMessageId, m.MediaMimeType,
        m.FileName, m.Latitude, m.Longitude, m.Error, m.CreatedAt, m.StatusAt, m.Reaction);
}
