using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Messaging;

/// <summary>
/// The lead's WhatsApp conversation as reps read it: its messages and media, read marks, the conversations list and the
/// unread badge. Receiving is <see cref="InboundMessageService"/>, sending <see cref="OutboundMessageService"/>.
/// </summary>
public sealed class ConversationService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, IWhatsAppSender sender, IFileStorage storage,
    TimeProvider time, ConversationActivity activity)
{
    public async Task<Paged<MessageDto>> ListAsync(Guid leadId, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await (await leads.VisibleAsync(db, ct)).AnyAsync(l => l.Id == leadId, ct)) throw new NotFoundException("Lead", leadId);
        var q = db.Messages.AsNoTracking().Where(m => m.LeadId == leadId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.StoredAt).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<MessageDto>(items.Select(MessageDto.From).ToList(), total, page.Limit, page.Offset);
    }

    /// <summary>
    /// Leads with messages, with the last message, how many inbound ones are unread and the triage of the last inbound
    /// one. <see cref="ConversationOrder.Latest"/>: newest conversation first; <see cref="ConversationOrder.Urgency"/>: by
    /// the highest urgency among a conversation's unread messages (conversations with nothing unread last), then newest.
    /// </summary>
    public async Task<Paged<ConversationDto>> ConversationsAsync(PageRequest page, CancellationToken ct = default, ConversationOrder order = ConversationOrder.Latest)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await leads.VisibleAsync(db, ct);
        var latest = db.Messages.Where(m => visible.Any(l => l.Id == m.LeadId)).GroupBy(m => m.LeadId)
            .Select(g => new
            {
                LeadId = g.Key, Last = g.Max(m => m.CreatedAt), LastStored = g.Max(m => m.StoredAt), Unread = g.Count(m => m.Direction == MessageDirection.Inbound && m.ReadAt == null),
                // 0 nothing unread, 1 low or untriaged, 2 normal, 3 high.
                Urgency = g.Max(m => m.Direction == MessageDirection.Inbound && m.ReadAt == null
                    ? m.Urgency == Copilot.MessageUrgency.High ? 3 : m.Urgency == Copilot.MessageUrgency.Normal ? 2 : 1
                    : 0),
            });
        var total = await latest.CountAsync(ct);
        // Provider timestamps have one-second resolution; the arrival time breaks ties.
        var ordered = order == ConversationOrder.Urgency
            ? latest.OrderByDescending(x => x.Urgency).ThenByDescending(x => x.Last).ThenByDescending(x => x.LastStored)
            : latest.OrderByDescending(x => x.Last).ThenByDescending(x => x.LastStored);
        var rows = await ordered.Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        var ids = rows.Select(r => r.LeadId).ToList();
        var leadRows = await db.Leads.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var messages = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.LeadId)).GroupBy(m => m.LeadId)
            .Select(g => g.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.StoredAt).First()).ToListAsync(ct);
        var lastInbound = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.LeadId) && m.Direction == MessageDirection.Inbound && m.Sentiment != null).GroupBy(m => m.LeadId)
            .Select(g => g.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.StoredAt).First()).ToListAsync(ct);
        var byLead = messages.ToDictionary(m => m.LeadId);
        var triageByLead = lastInbound.ToDictionary(m => m.LeadId, m => MessageDto.From(m).Triage);
        var items = rows.Select(r => new ConversationDto(r.LeadId, leadRows[r.LeadId].Name, leadRows[r.LeadId].Phone, MessageDto.From(byLead[r.LeadId]), r.Unread,
            triageByLead.GetValueOrDefault(r.LeadId))).ToList();
        return new Paged<ConversationDto>(items, total, page.Limit, page.Offset);
    }

    /// <summary>
    /// A media message's file: fetched from WhatsApp on first view and kept in local storage (WhatsApp's copies expire).
    /// Media WhatsApp no longer has is 404 <c>MEDIA_UNAVAILABLE</c> and is noted on the message (its error), so the
    /// conversation shows a placeholder from then on; another failure of WhatsApp is 502 <c>PROVIDER_ERROR</c>.
    /// </summary>
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
            byte[] bytes;
            string type;
            try
            {
                (bytes, type) = await sender.DownloadMediaAsync(tenantId, message.MediaId, ct);
            }
            catch (MediaUnavailableException unavailable)
            {
                await db.Messages.Where(m => m.Id == messageId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Error, MediaUnavailableError), ct);
                throw new MediaUnavailableException(unavailable.Message);
            }
            try { await storage.SaveAsync(key, new MemoryStream(bytes), ct); }
            catch (IOException) { /* another viewer stored it first */ }
            return (new MemoryStream(bytes), message.MediaMimeType is null ? type : contentType, fileName);
        }
    }

    /// <summary>The error an inbound media message gets once WhatsApp says its file is gone; the conversation shows a placeholder for it.</summary>
    public const string MediaUnavailableError = "media_unavailable";

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

    /// <summary>
    /// Inbound messages not yet read, over the conversations the reader may see (the menu's badge), counted up to
    /// <paramref name="atMost"/>: the badge shows "99+" beyond 99, and counting every unread message of a large workspace
    /// (each checked against the visible leads) took seconds on every page at 100,000 leads. Requires <c>leads.read</c>.
    /// </summary>
    public async Task<int> UnreadCountAsync(int atMost = int.MaxValue, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await leads.VisibleAsync(db, ct);
        var unread = db.Messages.Where(m => m.ReadAt == null && m.Direction == MessageDirection.Inbound && visible.Any(l => l.Id == m.LeadId));
        return atMost == int.MaxValue ? await unread.CountAsync(ct) : await unread.Take(atMost).CountAsync(ct);
    }
}
