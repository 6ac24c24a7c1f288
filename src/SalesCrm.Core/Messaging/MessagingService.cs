using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Webhooks;

namespace SalesCrm.Core.Messaging;

public sealed record MessageDto(Guid Id, Guid LeadId, MessageDirection Direction, MessageType Type, string? Text, string Status, string? ProviderMessageId,
    string? MediaMimeType, string? FileName, double? Latitude, double? Longitude, string? Error, DateTime CreatedAt, DateTime? StatusAt);

/// <summary>An inbound WhatsApp message as parsed from the Cloud API payload.</summary>
public sealed record InboundMessage(string ProviderMessageId, string FromPhone, string? ProfileName, MessageType Type, string? Text,
    string? MediaId, string? MediaMimeType, string? FileName, double? Latitude, double? Longitude, DateTime SentAt);

public sealed record SendResult(MessageStatus Status, string? ProviderMessageId, string? Error);

/// <summary>Sends through the WhatsApp Cloud API when the tenant connected a number; otherwise messages wait as <c>queued</c>.</summary>
public interface IWhatsAppSender
{
    Task<SendResult> SendTextAsync(Guid tenantId, string toPhoneE164, string text, CancellationToken ct);
}

/// <summary>The lead's WhatsApp conversation: inbound messages and statuses from the webhook, outbound from reps.</summary>
public sealed class MessagingService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, LeadService leadService,
    IWhatsAppSender sender, ICrmEventBus bus, TimeProvider time)
{
    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(24);

    public async Task<Paged<MessageDto>> ListAsync(Guid leadId, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await (await leads.VisibleAsync(db, ct)).AnyAsync(l => l.Id == leadId, ct)) throw new NotFoundException("Lead", leadId);
        var q = db.Messages.AsNoTracking().Where(m => m.LeadId == leadId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<MessageDto>(items.Select(ToDto).ToList(), total, page.Limit, page.Offset);
    }

    /// <summary>Stores an inbound message on the sender's lead (created if new), with its timeline entry and event, once.</summary>
    public async Task<MessageDto?> ReceiveAsync(InboundMessage inbound, string idempotencyKey, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ProcessedKeys.AnyAsync(k => k.Key == idempotencyKey, ct)) return null;
        var region = (await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstAsync(ct)).DefaultRegion;
        var phone = ContactNormalizer.TryNormalizePhone("+" + inbound.FromPhone.TrimStart('+'), region) ?? throw new ValidationException("from", $"'{inbound.FromPhone}' is not a phone number.");
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Phone == phone, ct);
        if (lead is null)
        {
            await leadService.CreateAsync(new LeadInput { Name = string.IsNullOrWhiteSpace(inbound.ProfileName) ? phone : inbound.ProfileName, Phone = phone, Source = LeadSource.Whatsapp }, ct);
            lead = await db.Leads.FirstAsync(l => l.Phone == phone, ct);
        }
        var message = new Message
        {
            TenantId = tenantId, LeadId = lead.Id, Direction = MessageDirection.Inbound, Type = inbound.Type, Text = inbound.Text, MediaId = inbound.MediaId,
            MediaMimeType = inbound.MediaMimeType, FileName = inbound.FileName, Latitude = inbound.Latitude, Longitude = inbound.Longitude,
            Status = MessageStatus.Received, ProviderMessageId = inbound.ProviderMessageId, CreatedAt = inbound.SentAt, StatusAt = now,
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
            db.Record("whatsapp.received", tenantId, lead.Id, new { lead_id = lead.Id, message_id = message.Id, type = message.Type, text = message.Text, owner_id = lead.OwnerId, version = lead.Version }, now),
        };
        await db.SaveChangesAsync(ct);
        bus.Publish(events);
        return ToDto(message);
    }

    /// <summary>Applies a delivery status to an outbound message; statuses only move forward (a late "sent" never undoes "read").</summary>
    public async Task<bool> ApplyStatusAsync(string providerMessageId, MessageStatus status, string? error, DateTime at, string idempotencyKey, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ProcessedKeys.AnyAsync(k => k.Key == idempotencyKey, ct)) return false;
        var message = await db.Messages.FirstOrDefaultAsync(m => m.ProviderMessageId == providerMessageId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        db.ProcessedKeys.Add(new ProcessedKey { Key = idempotencyKey, TenantId = tenantId, ProcessedAt = now });
        if (message is not null && (status == MessageStatus.Failed || Rank(status) > Rank(message.Status)))
        {
            message.Status = status;
            message.StatusAt = at;
            if (error is not null) message.Error = error;
        }
        await db.SaveChangesAsync(ct);
        if (message is not null)
            bus.Publish([new CrmEvent { TenantId = tenantId, Type = "whatsapp.status", LeadId = message.LeadId, OccurredAt = now, Payload = $"{{\"message_id\":\"{message.Id}\"}}" }]);
        return message is not null;
    }

    /// <summary>
    /// Sends free text to the lead. Inside 24 hours of the lead's last message free text is allowed; after that WhatsApp
    /// requires a template. Without a connected number the message is stored as queued, not sent.
    /// </summary>
    public async Task<MessageDto> SendTextAsync(Guid leadId, string? text, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        new Validator().Require("text", text, 4096).ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await (await leads.VisibleAsync(db, ct)).FirstOrDefaultAsync(l => l.Id == leadId, ct) ?? throw new NotFoundException("Lead", leadId);
        if (lead.Phone is null) throw new ValidationException("lead", "has no phone number.");
        var lastInbound = await db.Messages.Where(m => m.LeadId == leadId && m.Direction == MessageDirection.Inbound).MaxAsync(m => (DateTime?)m.CreatedAt, ct);
        if (lastInbound is null || now - lastInbound > CustomerServiceWindow)
            throw new ConflictException("Outside WhatsApp's 24-hour customer service window: send an approved template instead.");
        var result = await sender.SendTextAsync(tenantId, lead.Phone, text!.Trim(), ct);
        var message = new Message
        {
            TenantId = tenantId, LeadId = leadId, Direction = MessageDirection.Outbound, Type = MessageType.Text, Text = text.Trim(), Status = result.Status,
            ProviderMessageId = result.ProviderMessageId, Error = result.Error, AuthorId = access.User.UserId, CreatedAt = now, StatusAt = now,
        };
        db.Messages.Add(message);
        var interaction = new Interaction
        {
            TenantId = tenantId, LeadId = leadId, Type = InteractionType.Whatsapp, AuthorId = access.User.UserId, AuthorName = access.User.DisplayName,
            OccurredAt = now, CreatedAt = now, Text = message.Text,
        };
        db.Interactions.Add(interaction);
        await InteractionService.ApplyToLeadAsync(db, lead, interaction, now, ct);
        var events = new List<CrmEvent>();
        if (result.Status != MessageStatus.Failed)
            events.Add(db.Record("whatsapp.sent", tenantId, leadId, new { lead_id = leadId, message_id = message.Id, provider_message_id = message.ProviderMessageId, owner_id = lead.OwnerId, version = lead.Version }, now));
        await db.SaveChangesAsync(ct);
        bus.Publish(events);
        return ToDto(message);
    }

    private static int Rank(MessageStatus status) => status switch
    {
        MessageStatus.Queued => 0,
        MessageStatus.Sent => 1,
        MessageStatus.Delivered => 2,
        MessageStatus.Read => 3,
        _ => -1,
    };

    private static string Describe(MessageType type, string? text, string? fileName) => type switch
    {
        MessageType.Text or MessageType.Interactive or MessageType.Button => text ?? "",
        MessageType.Location => $"📍 {text}",
        _ => $"[{SnakeEnum.ToText(type)}] {text ?? fileName}".Trim(),
    };

    public static MessageDto ToDto(Message m) => new(m.Id, m.LeadId, m.Direction, m.Type, m.Text, SnakeEnum.ToText(m.Status), m.ProviderMessageId, m.MediaMimeType,
        m.FileName, m.Latitude, m.Longitude, m.Error, m.CreatedAt, m.StatusAt);
}
