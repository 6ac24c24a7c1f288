using SalesCrm.Core.Analytics;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Messaging;

/// <summary>
/// Sending WhatsApp messages from the CRM: free text and templates, retries of failed or queued ones, and the rules a
/// composer shows (<see cref="WindowAsync"/>).
/// </summary>
public sealed class OutboundMessageService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, IWhatsAppSender sender,
    EarlyStatusService early, ICrmEventBus bus, TimeProvider time)
{
    /// <summary>WhatsApp's customer service window: free text may be sent this long after the customer's last message.</summary>
    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// Sends free text (only inside <see cref="CustomerServiceWindow"/> of the lead's last inbound message, WhatsApp's
    /// customer service window; else 409) or an approved template with its variables filled from the lead
    /// (<see cref="WindowAsync"/> lists which) and <paramref name="variables"/> (a missing one: 400 naming it). The message
    /// is recorded first, <c>sending</c>, with its timeline entry; then WhatsApp is called and its answer recorded (sent,
    /// or failed with the error). Without a connected number the message ends queued. A message WhatsApp accepted is
    /// therefore never lost to a write conflict on the lead: both saves run again on a version conflict. While WhatsApp
    /// has not answered, the message is <c>sending</c> and cannot be retried (a retry then would send it twice).
    /// </summary>
    public async Task<MessageDto> SendAsync(Guid leadId, string? text, Guid? templateId, IReadOnlyDictionary<string, string>? variables, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var v = new Validator().When(templateId is null && string.IsNullOrWhiteSpace(text), "text", "is required (or send a template_id).")
            .When(templateId is not null && text is not null, "text", "send either text or a template, not both.")
            .When(text is { Length: > 4096 }, "text", "must be at most 4096 characters.");
        v.ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        var (message, lead, template) = await ConcurrencyRetry.RunAsync(token => RecordAsync(tenantId, leadId, text, templateId, variables, now, null, token), ct);
        var result = await DeliverAsync(tenantId, lead, message, template, ct);
        var sent = await ConcurrencyRetry.RunAsync(token => RecordAnswerAsync(leadId, message.Id, result, now, token), ct);
        return MessageDto.From(await AfterSendAsync(sent, ct));
    }

    /// <summary>
    /// Sends for a workflow's bot (<see cref="BotMessage"/>): its text (as reply buttons or a list when
    /// <see cref="BotMessage.Interactive"/> is set) inside WhatsApp's customer service window, else its template; with
    /// neither possible a 409 as for <see cref="SendAsync"/>. The message is marked as the run's and carries the step's
    /// <see cref="BotMessage.ClientKey"/>: a second call with the same key sends nothing and returns the first message —
    /// retried only when that one failed or was abandoned while WhatsApp was called (as <see cref="RetryAsync"/> would).
    /// </summary>
    public async Task<MessageDto> SendAsBotAsync(Guid leadId, BotMessage bot, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        new Validator().When(bot.Text is null && bot.TemplateId is null, "text", "is required (or a template_id).")
            .When(bot.Text is { Length: > 4096 }, "text", "must be at most 4096 characters.")
            .When(bot.ClientKey.Length is 0 or > 200, "client_key", "must be 1 to 200 characters.")
            .ThrowIfInvalid();
        if (await FindByClientKeyAsync(bot.ClientKey, ct) is { } earlier) return await AgainAsync(earlier, ct);
        var now = time.GetUtcNow().UtcDateTime;
        (Message Message, Leads.Lead Lead, MessageTemplate? Template) recorded;
        try
        {
            recorded = await ConcurrencyRetry.RunAsync(token => RecordAsync(tenantId, leadId, bot.Text, bot.TemplateId, bot.Variables, now, bot, token), ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Another attempt of the same step recorded its message first (the unique key said so).
            return await FindByClientKeyAsync(bot.ClientKey, ct) is { } racer ? await AgainAsync(racer, ct) : throw e;
        }
        var result = await DeliverAsync(tenantId, recorded.Lead, recorded.Message, recorded.Template, ct);
        var sent = await ConcurrencyRetry.RunAsync(token => RecordAnswerAsync(leadId, recorded.Message.Id, result, now, token), ct);
        return MessageDto.From(await AfterSendAsync(sent, ct));
    }

    private async Task<Message?> FindByClientKeyAsync(string clientKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ClientKey == clientKey, ct);
    }

    /// <summary>A bot message already recorded under its key: sent again only when it failed or its send was abandoned.</summary>
    private async Task<MessageDto> AgainAsync(Message earlier, CancellationToken ct)
    {
        var abandoned = earlier.Status == MessageStatus.Sending && earlier.StatusAt < time.GetUtcNow().UtcDateTime - AbandonedSendAfter;
        return earlier.Status == MessageStatus.Failed || abandoned ? await RetryAsync(earlier.LeadId, earlier.Id, ct) : MessageDto.From(earlier);
    }

    /// <summary>The message, <c>sending</c>, with its timeline entry, committed before WhatsApp is called.</summary>
    private async Task<(Message Message, Leads.Lead Lead, MessageTemplate? Template)> RecordAsync(Guid tenantId, Guid leadId, string? text, Guid? templateId,
        IReadOnlyDictionary<string, string>? variables, DateTime now, BotMessage? bot, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await (await leads.VisibleAsync(db, ct)).FirstOrDefaultAsync(l => l.Id == leadId, ct) ?? throw new NotFoundException("Lead", leadId);
        if (lead.Phone is null && lead.WhatsappId is null) throw new ValidationException("lead", "has no phone number.");
        var message = new Message
        {
            // Whole seconds, like WhatsApp's timestamps on inbound messages: a customer's answer in the same second then
            // sorts after this message by arrival (StoredAt) instead of before it by the sub-second part.
            TenantId = tenantId, LeadId = leadId, Direction = MessageDirection.Outbound, Status = MessageStatus.Sending, AuthorId = access.User.UserId,
            CreatedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), StoredAt = now, StatusAt = now,
            WorkflowRunId = bot?.RunId, ClientKey = bot?.ClientKey,
        };
        MessageTemplate? template = null;
        // A person sends text or a template; a bot gives both and gets its text while the window is open.
        if (templateId is { } tid && (text is null || !IsOpen(await LastInboundAsync(db, leadId, ct), now)))
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
            if (!IsOpen(await LastInboundAsync(db, leadId, ct), now))
                throw new ConflictException("Outside WhatsApp's 24-hour customer service window: send an approved template instead.");
            message.Type = bot?.Interactive is null ? MessageType.Text : MessageType.Interactive;
            message.Text = text!.Trim();
            message.Interactive = bot?.Interactive;
        }
        db.Messages.Add(message);
        var interaction = MessageTimeline.EntryFor(message, access.User.UserId, access.User.DisplayName);
        db.Interactions.Add(interaction);
        await InteractionService.ApplyToLeadAsync(db, lead, interaction, now, ct);
        // The bot's instant replies are not the team's response time; the person who answers after it is.
        if (bot is null) await ResponseTracking.AnsweredAsync(db, interaction, ct);
        var created = InteractionService.CreatedEvent(db, lead, interaction, now);
        await db.SaveChangesAsync(ct);
        // On the timeline at once, like a note, whatever WhatsApp answers and however long it takes.
        bus.Publish([created]);
        return (message, lead, template);
    }

    /// <summary>
    /// Records WhatsApp's answer on the message (status, <c>wamid</c>, error) with <c>whatsapp.sent</c> when it was sent;
    /// a <c>whatsapp.status</c> notice otherwise (queued, failed), so every open conversation shows the new state, not only the sender's.
    /// A <c>wamid</c> another message of the workspace already has (the Cloud API answered a duplicate id) is not stored
    /// on this one, since ids are unique per workspace: the send is still recorded as sent, with the duplicate noted in
    /// its error, and statuses for that id keep following the first message.
    /// </summary>
    private async Task<Message> RecordAnswerAsync(Guid leadId, Guid messageId, SendResult result, DateTime now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var message = await db.Messages.FirstAsync(m => m.Id == messageId, ct);
            var lead = await db.Leads.AsNoTracking().FirstAsync(l => l.Id == leadId, ct);
            Apply(message, result, now);
            if (result.ProviderMessageId is { } wamid && await db.Messages.AnyAsync(m => m.ProviderMessageId == wamid && m.Id != messageId, ct))
            {
                message.ProviderMessageId = null;
                message.Error = $"WhatsApp answered with id {wamid}, which another message already has; statuses for it cannot be told apart.";
            }
            var events = new List<CrmEvent>();
            if (message.Status == MessageStatus.Sent) events.Add(SentEvent(db, lead, message, now));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt == 1 && result.ProviderMessageId is not null)
            {
                // Another message took the same id between the check and the save (the unique index said so): look again.
                continue;
            }
            bus.Publish(events.Count > 0 ? events : [new CrmEvent { TenantId = message.TenantId, Type = "whatsapp.status", LeadId = leadId, OccurredAt = now }]);
            return message;
        }
    }

    /// <summary>Once a send has committed its <c>wamid</c>, statuses that arrived before the Cloud API's answer apply.</summary>
    private async Task<Message> AfterSendAsync(Message message, CancellationToken ct) =>
        message.ProviderMessageId is { } wamid && await early.ApplyAsync(wamid, ct) is { } updated ? updated : message;

    /// <summary>A send whose answer was never recorded (the process stopped while WhatsApp was called) may be retried after this long.</summary>
    public static readonly TimeSpan AbandonedSendAfter = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Sends a failed or queued outbound message again, exactly as it was composed (404 for another lead's message, 409
    /// for one already sent or being sent). The retry first claims the message by moving it to <c>sending</c> in one
    /// conditional update, so two retries, or a retry while the first send waits for WhatsApp, never send it twice; a
    /// message left <c>sending</c> for <see cref="AbandonedSendAfter"/> counts as abandoned and may be retried.
    /// </summary>
    public async Task<MessageDto> RetryAsync(Guid leadId, Guid messageId, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var now = time.GetUtcNow().UtcDateTime;
        Leads.Lead lead;
        Message message;
        MessageTemplate? template;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            lead = await (await leads.VisibleAsync(db, ct)).AsNoTracking().FirstOrDefaultAsync(l => l.Id == leadId, ct) ?? throw new NotFoundException("Lead", leadId);
            message = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.LeadId == leadId && m.Direction == MessageDirection.Outbound, ct)
                      ?? throw new NotFoundException("Message", messageId);
            if (message.Status is not (MessageStatus.Failed or MessageStatus.Queued or MessageStatus.Sending)) throw new ConflictException("Only failed or queued messages can be retried.");
            template = message.TemplateId is { } tid ? await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
            var abandoned = now - AbandonedSendAfter;
            var claimed = await db.Messages.Where(m => m.Id == messageId && (m.Status == MessageStatus.Failed || m.Status == MessageStatus.Queued
                    || (m.Status == MessageStatus.Sending && m.StatusAt < abandoned)))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.StatusAt, now), ct);
            if (claimed == 0) throw new ConflictException("The message is being sent right now; wait for WhatsApp's answer.");
        }
        var result = await DeliverAsync(tenantId, lead, message, template, ct);
        var sent = await ConcurrencyRetry.RunAsync(token => RecordAnswerAsync(leadId, messageId, result, now, token), ct);
        return MessageDto.From(await AfterSendAsync(sent, ct));
    }

    /// <summary>
    /// What the composer may send to the lead now, by the rules <see cref="SendAsync"/> applies: free text only while
    /// WhatsApp's customer service window is open (<see cref="CustomerServiceWindow"/> after the lead's last inbound
    /// message; UTC), and which template variables the lead fills itself (the others must be given). 404 for a lead the
    /// reader cannot see.
    /// </summary>
    public async Task<ConversationWindow> WindowAsync(Guid leadId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await (await leads.VisibleAsync(db, ct)).AsNoTracking().FirstOrDefaultAsync(l => l.Id == leadId, ct) ?? throw new NotFoundException("Lead", leadId);
        var lastInbound = await LastInboundAsync(db, leadId, ct);
        var filled = (await LeadVariablesAsync(db, lead, ct)).Keys.Order(StringComparer.Ordinal).ToList();
        return new ConversationWindow(IsOpen(lastInbound, now), lastInbound + CustomerServiceWindow, filled);
    }

    /// <summary>WhatsApp's rule: free text is allowed within <see cref="CustomerServiceWindow"/> of the customer's last message.</summary>
    internal static bool IsOpen(DateTime? lastInbound, DateTime now) => lastInbound is { } last && now - last <= CustomerServiceWindow;

    internal static Task<DateTime?> LastInboundAsync(CrmDbContext db, Guid leadId, CancellationToken ct) =>
        db.Messages.Where(m => m.LeadId == leadId && m.Direction == MessageDirection.Inbound).MaxAsync(m => (DateTime?)m.CreatedAt, ct);

    /// <summary>
    /// Addressed to the id WhatsApp gave for the lead (an outdated spelling such as Brazil's without the ninth digit or
    /// Mexico's 521…, or an id that is no phone number at all), else its phone.
    /// </summary>
    private Task<SendResult> DeliverAsync(Guid tenantId, Leads.Lead lead, Message message, MessageTemplate? template, CancellationToken ct) =>
        DeliverAsync(tenantId, lead.WhatsappId ?? lead.Phone ?? throw new ValidationException("lead", "has no phone number."), message, template, ct);

    private Task<SendResult> DeliverAsync(Guid tenantId, string to, Message message, MessageTemplate? template, CancellationToken ct) =>
        template is null
            ? message.Interactive is { } interactive ? sender.SendInteractiveAsync(tenantId, to, interactive, ct) : sender.SendTextAsync(tenantId, to, message.Text!, ct)
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

    /// <summary>The template variables the lead fills: lead_name, first_name, value (pt-BR money), and company and owner_name when set.</summary>
    internal static async Task<Dictionary<string, string>> LeadVariablesAsync(CrmDbContext db, Leads.Lead lead, CancellationToken ct)
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
}
