using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Messaging;

/// <summary>Per-tenant WhatsApp templates with their usage and reply rate.</summary>
public sealed partial class TemplateService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time)
{
    public async Task<IReadOnlyList<TemplateDto>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templates = await db.MessageTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var usage = await db.Messages.Where(m => m.TemplateId != null).GroupBy(m => m.TemplateId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key!.Value, x => x.Count, ct);
        return templates.Select(t => ToDto(t, usage.GetValueOrDefault(t.Id))).ToList();
    }

    public async Task<TemplateDto> CreateAsync(TemplateInput input, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.SettingsManage, ct);
        Validate(input, creating: true);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureUniqueAsync(db, input.Name!, input.Language ?? "pt_BR", null, ct);
        var template = new MessageTemplate
        {
            TenantId = tenantId, Name = input.Name!, Category = input.Category ?? TemplateCategory.Utility, Language = input.Language ?? "pt_BR", Body = input.Body!,
            Status = input.Status ?? TemplateStatus.Approved, CreatedAt = now, UpdatedAt = now,
        };
        db.MessageTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return ToDto(template, 0);
    }

    public async Task<TemplateDto> UpdateAsync(Guid id, TemplateInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        Validate(input, creating: false);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Template", id);
        if (input.Name is not null || input.Language is not null) await EnsureUniqueAsync(db, input.Name ?? template.Name, input.Language ?? template.Language, id, ct);
        if (input.Name is not null) template.Name = input.Name;
        if (input.Category is { } c) template.Category = c;
        if (input.Language is not null) template.Language = input.Language;
        if (input.Body is not null) template.Body = input.Body;
        if (input.Status is { } s) template.Status = s;
        template.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return ToDto(template, await db.Messages.CountAsync(m => m.TemplateId == id, ct));
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.SettingsManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Template", id);
        db.MessageTemplates.Remove(template);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sends, delivery and reads; "replied" counts sends followed by an inbound message from the lead within 24 hours.</summary>
    public async Task<TemplateStats> StatsAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.MessageTemplates.AnyAsync(t => t.Id == id, ct)) throw new NotFoundException("Template", id);
        var sends = await db.Messages.AsNoTracking().Where(m => m.TemplateId == id).Select(m => new { m.LeadId, m.CreatedAt, m.Status }).ToListAsync(ct);
        var leadIds = sends.Select(s => s.LeadId).Distinct().ToList();
        var inbound = await db.Messages.AsNoTracking().Where(m => leadIds.Contains(m.LeadId) && m.Direction == MessageDirection.Inbound)
            .Select(m => new { m.LeadId, m.CreatedAt }).ToListAsync(ct);
        var replied = sends.Count(s => Replied(s.LeadId, s.CreatedAt, inbound.Select(i => (i.LeadId, i.CreatedAt))));
        int Count(params MessageStatus[] states) => sends.Count(s => states.Contains(s.Status));
        var sent = Count(MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Read);
        return new TemplateStats(id, sent, Count(MessageStatus.Delivered, MessageStatus.Read), Count(MessageStatus.Read), Count(MessageStatus.Failed), replied,
            sent == 0 ? 0 : Math.Round((double)replied / sent, 4));
    }

    /// <summary>
    /// Reply rate (0–1) of every template of the workspace that was sent, counted as <see cref="StatsAsync"/> counts it;
    /// templates never sent are absent.
    /// </summary>
    public static async Task<Dictionary<Guid, double>> ReplyRatesAsync(CrmDbContext db, CancellationToken ct)
    {
        var sent = new[] { MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Read };
        var sends = await db.Messages.AsNoTracking().Where(m => m.TemplateId != null && sent.Contains(m.Status))
            .Select(m => new { TemplateId = m.TemplateId!.Value, m.LeadId, m.CreatedAt }).ToListAsync(ct);
        var leadIds = sends.Select(s => s.LeadId).Distinct().ToList();
        var inbound = (await db.Messages.AsNoTracking().Where(m => leadIds.Contains(m.LeadId) && m.Direction == MessageDirection.Inbound)
            .Select(m => new { m.LeadId, m.CreatedAt }).ToListAsync(ct)).Select(i => (i.LeadId, i.CreatedAt)).ToList();
        return sends.GroupBy(s => s.TemplateId).ToDictionary(g => g.Key, g => (double)g.Count(s => Replied(s.LeadId, s.CreatedAt, inbound)) / g.Count());
    }

    /// <summary>A send was replied to when the lead wrote within 24 hours of it (WhatsApp timestamps are whole seconds, so from the send's second).</summary>
    private static bool Replied(Guid leadId, DateTime sentAt, IEnumerable<(Guid LeadId, DateTime CreatedAt)> inbound)
    {
        var from = new DateTime(sentAt.Ticks - sentAt.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        return inbound.Any(i => i.LeadId == leadId && i.CreatedAt >= from && i.CreatedAt <= sentAt.AddHours(24));
    }

    private static void Validate(TemplateInput input, bool creating)
    {
        var v = new Validator();
        if (creating || input.Name is not null)
            v.When(input.Name is null || !TemplateName().IsMatch(input.Name), "name", "must be 1–512 lower-case letters, digits or underscores (WhatsApp's template name).");
        if (creating || input.Body is not null)
        {
            v.Require("body", input.Body, 1024);
            if (input.Body is not null && input.Body.Count(c => c == '{') != input.Body.Count(c => c == '}')) v.Add("body", "has unbalanced {{ }}.");
        }
        v.When(input.Language is not null && !Language().IsMatch(input.Language), "language", "must be a WhatsApp language code such as pt_BR or en_US.");
        v.ThrowIfInvalid();
    }

    private static async Task EnsureUniqueAsync(CrmDbContext db, string name, string language, Guid? except, CancellationToken ct)
    {
        if (await db.MessageTemplates.AnyAsync(t => t.Name == name && t.Language == language && t.Id != except, ct))
            throw new ConflictException($"A template '{name}' in {language} already exists.");
    }

    private static TemplateDto ToDto(MessageTemplate t, int usage) =>
        new(t.Id, t.Name, t.Category, t.Language, t.Body, t.Status, TemplateText.Variables(t.Body), usage, t.CreatedAt);

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex TemplateName();

    [GeneratedRegex("^[a-z]{2}(_[A-Z]{2})?$")]
    private static partial Regex Language();
}
