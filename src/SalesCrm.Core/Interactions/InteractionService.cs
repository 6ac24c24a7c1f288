using SalesCrm.Core.Analytics;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Interactions;

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Url);

public sealed record InteractionDto(Guid Id, Guid LeadId, InteractionType Type, Guid? AuthorId, string? AuthorName, DateTime OccurredAt,
    string? Text, int? DurationSeconds, string? Outcome, IReadOnlyList<AttachmentDto> Attachments);

public sealed record InteractionInput(InteractionType? Type, string? Text, int? DurationSeconds = null, string? Outcome = null, DateTime? OccurredAt = null);

/// <summary>A lead's timeline: newest first, filterable by type; new entries keep the lead's engagement and score current.</summary>
public sealed class InteractionService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, IFileStorage storage, ICrmEventBus bus, TimeProvider time)
{
    public async Task<Paged<InteractionDto>> ListAsync(Guid leadId, IReadOnlyCollection<InteractionType>? types, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureVisibleAsync(db, leadId, ct);
        var q = db.Interactions.AsNoTracking().Where(i => i.LeadId == leadId);
        if (types is { Count: > 0 }) q = q.Where(i => types.Contains(i.Type));
        var total = await q.CountAsync(ct);
        var items = await q.Include(i => i.Attachments).OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id)
            .Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<InteractionDto>(items.Select(ToDto).ToList(), total, page.Limit, page.Offset);
    }

    public async Task<InteractionDto> CreateAsync(Guid leadId, InteractionInput input, IReadOnlyList<UploadedFile>? files = null, string? workflowStepKey = null, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var now = time.GetUtcNow().UtcDateTime;
        files ??= [];
        var v = new Validator()
            .When(input.Type is null, "type", $"is required ({string.Join(", ", SnakeEnum.Names<InteractionType>().Where(n => n != "status_change"))}).")
            .When(input.Type == InteractionType.StatusChange, "type", "status_change entries are written by stage moves.")
            .When(input.Text is { Length: > 10_000 }, "text", "must be at most 10000 characters.")
            .When(input.DurationSeconds is < 0 or > 86_400, "duration_seconds", "must be between 0 and 86400.")
            .When(input.Outcome is { Length: > 200 }, "outcome", "must be at most 200 characters.")
            .When(input.OccurredAt is { } at && at.ToUniversalTime() > now.AddMinutes(5), "occurred_at", "cannot be in the future.")
            .When(string.IsNullOrWhiteSpace(input.Text) && files.Count == 0 && input.Type is InteractionType.Note, "text", "a note needs text.")
            .When(files.Count > 5, "attachments", "at most 5 files.");
        foreach (var f in files)
        {
            v.When(AttachmentRules.StorageExtension(AttachmentRules.DisplayName(f.FileName)) is null, "attachments",
                $"a file name's extension must be at most {AttachmentRules.MaxExtensionLength - 1} letters or digits.");
            v.When(f.Length > AttachmentRules.MaxBytes, "attachments", $"'{f.FileName}' is larger than {AttachmentRules.MaxBytes / 1024 / 1024} MB.");
            v.When(f.Length == 0, "attachments", $"'{f.FileName}' is empty.");
            v.When(input.Type is { } t && !AttachmentRules.IsAllowed(t, f.ContentType), "attachments", $"'{f.FileName}' ({f.ContentType}) is not an allowed audio or image type for this entry.");
            if (f.Length > 0 && f.Length <= AttachmentRules.MaxBytes && AttachmentRules.IsAllowed(input.Type ?? InteractionType.Note, f.ContentType))
                v.When(!await HasSignatureAsync(f, ct), "attachments", $"'{f.FileName}' is not a {f.ContentType} file: its content does not match its type.");
        }
        v.ThrowIfInvalid();

        await using (var check = await dbFactory.CreateDbContextAsync(ct)) await EnsureVisibleAsync(check, leadId, ct);
        var stored = new List<(string FileName, string ContentType, long Size, string Key)>();
        try
        {
            foreach (var file in files)
            {
                var fileName = AttachmentRules.DisplayName(file.FileName);
                var key = $"{tenantId:N}/{leadId:N}/{Ids.New():N}{AttachmentRules.StorageExtension(fileName)}";
                await using (var stream = file.Open()) await storage.SaveAsync(key, stream, ct);
                stored.Add((fileName, file.ContentType.ToLowerInvariant(), file.Length, key));
            }
            // Another writer of the same lead (a rep, an incoming WhatsApp message) may win its version first: save again.
            return await ConcurrencyRetry.RunAsync(token => SaveAsync(tenantId, leadId, input, stored, workflowStepKey, now, token), ct);
        }
        catch
        {
            // Nothing half-written: files of a failed save are removed again.
            foreach (var (_, _, _, key) in stored) await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Reads the file's first bytes (opening it once more to save it later) and checks them against its declared type.</summary>
    private static async Task<bool> HasSignatureAsync(UploadedFile file, CancellationToken ct)
    {
        var head = new byte[AttachmentSignature.HeaderLength];
        await using var stream = file.Open();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return AttachmentSignature.Matches(file.ContentType, head.AsSpan(0, read));
    }

    /// <summary>One attempt at writing the entry, its attachments' rows and the lead's engagement, on a fresh context.</summary>
    private async Task<InteractionDto> SaveAsync(Guid tenantId, Guid leadId, InteractionInput input,
        IReadOnlyList<(string FileName, string ContentType, long Size, string Key)> stored, string? workflowStepKey, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await EnsureVisibleAsync(db, leadId, ct);
        // A workflow step resumed after a crash (this entry committed, its step row not): the entry it already wrote.
        if (workflowStepKey is not null && await db.Interactions.AsNoTracking().Include(i => i.Attachments).FirstOrDefaultAsync(i => i.WorkflowStepKey == workflowStepKey, ct) is { } written)
            return ToDto(written);
        var interaction = new Interaction
        {
            TenantId = tenantId, LeadId = leadId, Type = input.Type!.Value, AuthorId = access.User.UserId, AuthorName = access.User.DisplayName,
            OccurredAt = input.OccurredAt?.ToUniversalTime() ?? now, Text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim(),
            DurationSeconds = input.DurationSeconds, Outcome = string.IsNullOrWhiteSpace(input.Outcome) ? null : input.Outcome.Trim(), CreatedAt = now,
            WorkflowStepKey = workflowStepKey,
        };
        foreach (var (fileName, contentType, size, key) in stored)
            interaction.Attachments.Add(new Attachment { TenantId = tenantId, InteractionId = interaction.Id, FileName = fileName, ContentType = contentType, Size = size, StorageKey = key, CreatedAt = now });
        db.Interactions.Add(interaction);
        await ApplyToLeadAsync(db, lead, interaction, now, ct);
        await ResponseTracking.AnsweredAsync(db, interaction, ct);
        var events = new List<CrmEvent> { CreatedEvent(db, lead, interaction, now) };
        if (CompletionEvent(interaction.Type) is { } completed)
            events.Add(db.Record(completed, tenantId, leadId, new { interaction_id = interaction.Id, lead_id = leadId, duration_seconds = interaction.DurationSeconds, outcome = interaction.Outcome }, now));
        await db.SaveChangesAsync(ct);
        bus.Publish(events);
        return ToDto(interaction);
    }

    /// <summary>
    /// Writes a note (an import's <c>notes</c> column) on a lead tracked by <paramref name="db"/>, in the caller's
    /// transaction, and saves; the event goes to <paramref name="events"/> for the caller to publish after commit. A note
    /// with the same text already on the lead is not written again (the same file imported twice), then false.
    /// </summary>
    internal static async Task<bool> AddNoteOnceAsync(CrmDbContext db, Lead lead, string text, ICurrentUser author, DateTime now, List<CrmEvent> events, CancellationToken ct)
    {
        text = text.Trim();
        if (await db.Interactions.AnyAsync(i => i.LeadId == lead.Id && i.Type == InteractionType.Note && i.Text == text, ct)) return false;
        var note = new Interaction
        {
            TenantId = lead.TenantId, LeadId = lead.Id, Type = InteractionType.Note, AuthorId = author.UserId, AuthorName = author.DisplayName,
            OccurredAt = now, Text = text, CreatedAt = now,
        };
        db.Interactions.Add(note);
        await ApplyToLeadAsync(db, lead, note, now, ct);
        events.Add(CreatedEvent(db, lead, note, now));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Opens an attachment of the current tenant (a foreign id is simply not found).</summary>
    /// <exception cref="NotFoundException">No such attachment for the caller, or its bytes are missing from the storage.</exception>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenAttachmentAsync(Guid attachmentId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, ct) ?? throw new NotFoundException("Attachment", attachmentId);
        var leadId = await db.Interactions.Where(i => i.Id == attachment.InteractionId).Select(i => i.LeadId).FirstAsync(ct);
        await EnsureVisibleAsync(db, leadId, ct);
        try
        {
            return (await storage.OpenReadAsync(attachment.StorageKey, ct), attachment.ContentType, attachment.FileName);
        }
        catch (FileNotFoundException)
        {
            // The row outlived its bytes (e.g. Storage:Provider switched without copying the files): not found, not a 500.
            throw new NotFoundException("Attachment file", attachmentId);
        }
    }

    /// <summary>
    /// Counts a new entry in the lead's engagement (how many contacts, and the latest: the score's engagement and recency);
    /// stage changes do not count. Does not rescore: <see cref="ApplyToLeadAsync"/> does, or the caller with <see cref="LeadScoring.Apply"/>.
    /// </summary>
    public static void CountEngagement(Lead lead, Interaction interaction)
    {
        if (interaction.Type == InteractionType.StatusChange) return;
        lead.InteractionCount++;
        if (lead.LastInteractionAt is null || interaction.OccurredAt > lead.LastInteractionAt) lead.LastInteractionAt = interaction.OccurredAt;
    }

    /// <summary>Bumps the lead's engagement for a customer-facing entry and rescores it.</summary>
    internal static async Task ApplyToLeadAsync(CrmDbContext db, Lead lead, Interaction interaction, DateTime now, CancellationToken ct)
    {
        CountEngagement(lead, interaction);
        var probability = await db.Stages.Where(s => s.Id == lead.StageId).Select(s => s.Probability).FirstOrDefaultAsync(ct);
        LeadScoring.Apply(lead, probability, now);
        lead.UpdatedAt = now;
        lead.Version++;
    }

    /// <summary><c>interaction.created</c> for a new timeline entry, after <see cref="ApplyToLeadAsync"/> (it carries the lead's new version and its owner).</summary>
    internal static CrmEvent CreatedEvent(CrmDbContext db, Lead lead, Interaction interaction, DateTime now) =>
        db.Record(EventTypes.InteractionCreated, lead.TenantId, lead.Id,
            new { interaction_id = interaction.Id, lead_id = lead.Id, type = interaction.Type, text = interaction.Text, owner_id = lead.OwnerId, version = lead.Version }, now);

    private async Task<Lead> EnsureVisibleAsync(CrmDbContext db, Guid leadId, CancellationToken ct) =>
        await (await leads.VisibleAsync(db, ct)).FirstOrDefaultAsync(l => l.Id == leadId, ct) ?? throw new NotFoundException("Lead", leadId);

    private static string? CompletionEvent(InteractionType type) => type switch
    {
        InteractionType.Call => EventTypes.CallCompleted,
        InteractionType.Meeting => EventTypes.MeetingCompleted,
        InteractionType.Visit => EventTypes.VisitCompleted,
        _ => null,
    };

    public static InteractionDto ToDto(Interaction i) => new(i.Id, i.LeadId, i.Type, i.AuthorId, i.AuthorName, i.OccurredAt, i.Text, i.DurationSeconds, i.Outcome,
        i.Attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, $"/api/v1/attachments/{a.Id}")).ToList());
}
