using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Leads;

public sealed record MoveRequest(Guid StageId, int? Position = null, int? ExpectedVersion = null, string? LostReason = null);

/// <summary>
/// Every change to a lead: create (normalize, de-duplicate, assign, score), edit, move, assign, delete, merge.
/// Each write records its events in the same transaction and publishes them after commit.
/// </summary>
public sealed partial class LeadService(
    IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery query, ICrmEventBus bus, TimeProvider time)
{
    public async Task<LeadCreateResult> CreateAsync(LeadInput input, CancellationToken ct = default)
    {
        return await ConcurrencyRetry.RunAsync(async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var (lead, merged, _) = await CaptureAsync(db, input, token);
            return new LeadCreateResult((await query.MapAsync(db, [lead], token))[0], merged);
        }, ct);
    }

    /// <summary>
    /// Creates (or merges into a duplicate) exactly as <see cref="CreateAsync"/> does, without building the response:
    /// for inbound webhooks and chats, which need the effect and the id, not the lead's view.
    /// </summary>
    public async Task<LeadCaptured> CaptureAsync(LeadInput input, CancellationToken ct = default)
    {
        return await ConcurrencyRetry.RunAsync(async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var (lead, merged, phone) = await CaptureAsync(db, input, token);
            return new LeadCaptured(lead.Id, merged, phone.Warning is { } warning ? [warning] : []);
        }, ct);
    }

    private async Task<(Lead Lead, bool Merged, PhoneReading Phone)> CaptureAsync(CrmDbContext db, LeadInput input, CancellationToken ct)
    {
        var events = new List<CrmEvent>();
        var captured = await CaptureUnpublishedAsync(db, input, events, ct);
        bus.Publish(events);
        return (captured.Lead, captured.Merged, captured.Phone);
    }

    /// <summary>
    /// The one create-or-merge rule (API, webhooks, chats, CSV import): validates, merges into the oldest lead with the same
    /// phone or email (blanks filled, "Captured again" on the timeline, <c>lead.updated</c>) or creates the lead in the
    /// target stage with its owner (explicit; else the creating user; else round-robin), and saves. The events are added to
    /// <paramref name="events"/> for the caller to publish once its transaction commits. <c>Changed</c>: a merge filled a field.
    /// The lookup and the write are atomic per workspace and contact (<see cref="LeadCaptureLock"/>): without a transaction of
    /// the caller's, the rule runs in its own and commits it; a caller with its own must have taken
    /// <see cref="LeadCaptureLock.LockWorkspaceAsync"/>. A duplicate the actor may not see (own visibility) is a 409
    /// <see cref="ErrorCodes.DuplicateLead"/> that tells nothing of it and leaves it unchanged. A lost version race on the
    /// merged lead surfaces as <see cref="DbUpdateConcurrencyException"/> for the caller to retry on a fresh context.
    /// </summary>
    internal async Task<(Lead Lead, bool Merged, bool Changed, PhoneReading Phone)> CaptureUnpublishedAsync(CrmDbContext db, LeadInput input, List<CrmEvent> events, CancellationToken ct)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var settings = await SettingsAsync(db, tenantId, ct);
        var (email, phone) = ValidateCreate(input, settings);
        // Resolved before the lock, on its own connection: with the lock held, a wait for a pooled connection that the
        // captures queued behind this one occupy would never end.
        await access.GetVisibilityAsync(ct);
        await using var transaction = await LeadCaptureLock.EnterAsync(db, tenantId, email, phone.E164, ct);
        var captured = await CaptureLockedAsync(db, tenantId, settings, input, email, phone, events, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return captured;
    }

    private async Task<(Lead Lead, bool Merged, bool Changed, PhoneReading Phone)> CaptureLockedAsync(CrmDbContext db, Guid tenantId, TenantSettings settings,
        LeadInput input, string? email, PhoneReading phone, List<CrmEvent> events, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var source = input.Source ?? (access.User.ApiKeyId is not null ? LeadSource.Api : LeadSource.Manual);
        if (input.IdempotencyKey is { } key && await db.ProcessedKeys.AnyAsync(k => k.TenantId == tenantId && k.Key == key, ct))
            throw new ConflictException("This lead was already processed.");
        var existing = await FindDuplicateAsync(db, email, phone.E164, ct);
        if (existing is not null)
        {
            await EnsureVisibleDuplicateAsync(db, existing.Id, ct);
            var changed = await MergeCaptureAsync(db, existing, input, email, phone, source, now, events, ct);
            return (existing, true, changed, phone);
        }

        var (pipelineId, stage) = await TargetStageAsync(db, input.PipelineId, input.StageId, ct);
        new Validator()
            .When(stage.Kind == StageKind.Lost && string.IsNullOrWhiteSpace(input.LostReason), "lost_reason", "is required when creating a lead in a lost stage.")
            .When(input.LostReason is { Length: > 500 }, "lost_reason", "must be at most 500 characters.")
            .ThrowIfInvalid();
        var status = StatusFor(stage.Kind);
        var ownerId = await OwnerForNewLeadAsync(db, input.OwnerId, settings, now, ct);
        var lead = new Lead
        {
            TenantId = tenantId, Name = input.Name!.Trim(), Email = Blank(input.Email), EmailNormalized = email, Phone = phone.E164, PhoneRaw = phone.Raw,
            WhatsappId = input.WhatsappId,
            Company = Blank(input.Company), Source = source, Sources = [SnakeEnum.ToText(source)],
            UtmSource = Blank(input.UtmSource), UtmMedium = Blank(input.UtmMedium), UtmCampaign = Blank(input.UtmCampaign),
            UtmTerm = Blank(input.UtmTerm), UtmContent = Blank(input.UtmContent),
            OwnerId = ownerId, Priority = input.Priority ?? LeadPriority.Normal, ValueCents = ToCents(input.Value ?? 0),
            Currency = (input.Currency ?? settings.DefaultCurrency).ToUpperInvariant(), ExpectedCloseDate = input.ExpectedCloseDate,
            Tags = NormalizeTags(input.Tags), CustomFields = CustomFieldsJson(input.CustomFields), PipelineId = pipelineId, StageId = stage.Id,
            Status = status, ClosedAt = status == LeadStatus.Open ? null : now, LostReason = status == LeadStatus.Lost ? input.LostReason!.Trim() : null,
            Position = input.AtTop ? await FirstPositionAsync(db, stage.Id, ct) : await NextPositionAsync(db, stage.Id, ct), StageEnteredAt = now, CreatedAt = now, UpdatedAt = now,
        };
        Rescore(lead, stage.Probability, now);
        db.Leads.Add(lead);
        LeadStageChange.Enter(db, lead, access.User, now);
        ResponseTracking.Await(db, lead, ResponseKind.FirstContact, lead.CreatedAt);
        RememberKey(db, input.IdempotencyKey, tenantId, now);
        events.Add(db.Record(EventTypes.LeadCreated, tenantId, lead.Id, Snapshot(lead), now));
        if (ownerId is not null) events.Add(db.Record(EventTypes.LeadAssigned, tenantId, lead.Id, new { lead_id = lead.Id, owner_id = ownerId, previous_owner_id = (Guid?)null, initial = true }, now));
        // Created straight into a won or lost stage: the deal closes as a move there would close it.
        events.AddRange(LeadStageChange.RecordClosed(db, lead, now));
        await db.SaveChangesAsync(ct);
        return (lead, false, true, phone);
    }

    public async Task<LeadDto> UpdateAsync(Guid id, LeadPatch patch, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var lead = await LoadForWriteAsync(db, id, patch.ExpectedVersion, ct);
        var settings = await SettingsAsync(db, tenantId, ct);
        var v = new Validator();
        if (patch.Name is not null) v.Require("name", patch.Name, 200);
        if (!string.IsNullOrWhiteSpace(patch.Email)) v.Email("email", patch.Email);
        v.When(!IsValue(patch.Value), "value", ValueRangeError);
        v.When(patch.Currency is not null && !IsCurrency(patch.Currency), "currency", "must be a 3-letter ISO code.");
        ValidateCustomFields(v, patch.CustomFields);
        ValidateTags(v, patch.Tags);
        v.ThrowIfInvalid();

        var before = Snapshot(lead);
        if (patch.Name is not null) lead.Name = patch.Name.Trim();
        if (patch.Email is not null) { lead.Email = Blank(patch.Email); lead.EmailNormalized = ContactNormalizer.NormalizeEmail(patch.Email); }
        if (patch.Phone is not null) SetPhone(lead, ContactNormalizer.NormalizePhone(patch.Phone, settings.DefaultRegion), settings.DefaultRegion);
        if (patch.Company is not null) lead.Company = Blank(patch.Company);
        if (patch.Source is { } source) lead.Source = source;
        if (patch.Priority is { } priority) lead.Priority = priority;
        if (patch.Value is { } value) lead.ValueCents = ToCents(value);
        if (patch.Currency is not null) lead.Currency = patch.Currency.ToUpperInvariant();
        if (patch.ExpectedCloseDate is { } date) lead.ExpectedCloseDate = date;
        if (patch.ClearExpectedCloseDate) lead.ExpectedCloseDate = null;
        if (patch.Tags is not null) lead.Tags = NormalizeTags(patch.Tags);
        if (patch.CustomFields is { } custom) lead.CustomFields = CustomFieldsJson(custom);
        if (patch.UtmSource is not null) lead.UtmSource = Blank(patch.UtmSource);
        if (patch.UtmMedium is not null) lead.UtmMedium = Blank(patch.UtmMedium);
        if (patch.UtmCampaign is not null) lead.UtmCampaign = Blank(patch.UtmCampaign);
        if (patch.UtmTerm is not null) lead.UtmTerm = Blank(patch.UtmTerm);
        if (patch.UtmContent is not null) lead.UtmContent = Blank(patch.UtmContent);
        // A new phone or e-mail is checked and written under the capture lock of that contact, like a create: otherwise an
        // edit and a capture of the same contact racing each other would both find no holder and leave two leads.
        IDbContextTransaction? capture = null;
        if (patch.Phone is not null || patch.Email is not null)
        {
            await access.GetVisibilityAsync(ct); // before the lock, on its own connection (see CaptureUnpublishedAsync)
            capture = await LeadCaptureLock.EnterAsync(db, tenantId, lead.EmailNormalized, lead.Phone, ct);
        }
        await using (capture)
        {
            await EnsureNoDuplicateAsync(db, lead, ct);
            Rescore(lead, await ProbabilityAsync(db, lead.StageId, ct), now);
            Touch(lead, now);
            var changed = Changed(before, Snapshot(lead));
            var events = new List<CrmEvent> { db.Record(EventTypes.LeadUpdated, tenantId, lead.Id, new { lead_id = lead.Id, version = lead.Version, changes = changed }, now) };
            await SaveUnpublishedAsync(db, ct);
            if (capture is not null) await capture.CommitAsync(ct);
            bus.Publish(events);
        }
        return (await query.MapAsync(db, [lead], ct))[0];
    }

    /// <summary>
    /// Moves a lead to a stage (and a position in its column). A stale <see cref="MoveRequest.ExpectedVersion"/> is a
    /// conflict; a lost stage needs a reason; won/lost stages close the deal. Writes a status_change interaction.
    /// </summary>
    public async Task<LeadDto> MoveAsync(Guid id, MoveRequest request, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var lead = await LoadForWriteAsync(db, id, request.ExpectedVersion, ct);
        var target = await db.Stages.FirstOrDefaultAsync(s => s.Id == request.StageId, ct)
                     ?? throw new ValidationException("stage_id", "does not name a stage of this tenant.");
        new Validator()
            .When(target.Kind == StageKind.Lost && lead.StageId != target.Id && string.IsNullOrWhiteSpace(request.LostReason ?? lead.LostReason), "lost_reason", "is required when moving to a lost stage.")
            .When(request.LostReason is { Length: > 500 }, "lost_reason", "must be at most 500 characters.")
            .When(request.Position is < 0, "position", "must be zero or more.")
            .ThrowIfInvalid();

        var fromStage = await db.Stages.AsNoTracking().FirstAsync(s => s.Id == lead.StageId, ct);
        var stageChanged = fromStage.Id != target.Id;
        lead.Position = await PositionAtAsync(db, target.Id, lead.Id, request.Position, ct);
        if (stageChanged) LeadStageChange.Apply(db, lead, fromStage, target, access.User, request.LostReason, now);
        Touch(lead, now);
        var index = request.Position ?? await db.Leads.CountAsync(l => l.StageId == target.Id && l.Id != lead.Id && l.Position < lead.Position, ct);
        var events = LeadStageChange.Record(db, lead, fromStage.Id, index, access.User, stageChanged, now);
        await SaveAsync(db, events, ct);
        return (await query.MapAsync(db, [lead], ct))[0];
    }

    /// <summary>Assigns (or with null unassigns) a lead; the owner must be a member of the tenant.</summary>
    public async Task<LeadDto> AssignAsync(Guid id, Guid? ownerId, int? expectedVersion = null, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var lead = await LoadForWriteAsync(db, id, expectedVersion, ct);
        if (ownerId is not null && !await db.Memberships.AnyAsync(m => m.UserId == ownerId, ct))
            throw new ValidationException("owner_id", "is not a member of this tenant.");
        var previous = lead.OwnerId;
        lead.OwnerId = ownerId;
        Touch(lead, now);
        var events = new List<CrmEvent> { db.Record(EventTypes.LeadAssigned, tenantId, lead.Id, new { lead_id = lead.Id, owner_id = ownerId, previous_owner_id = previous, version = lead.Version }, now) };
        await SaveAsync(db, events, ct);
        return (await query.MapAsync(db, [lead], ct))[0];
    }

    public async Task<LeadDto> RescoreAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await LoadForWriteAsync(db, id, null, ct);
        var before = lead.Score;
        Rescore(lead, await ProbabilityAsync(db, lead.StageId, ct), time.GetUtcNow().UtcDateTime);
        if (lead.Score != before) Touch(lead, time.GetUtcNow().UtcDateTime);
        await SaveAsync(db, [], ct);
        return (await query.MapAsync(db, [lead], ct))[0];
    }

    /// <summary>Soft-deletes a lead: it disappears from boards, lists and the API but stays for the audit trail.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsDelete, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var lead = await LoadForWriteAsync(db, id, null, ct);
        lead.DeletedAt = now;
        await AnalyticsRows.ForgetLeadAsync(db, lead.Id, ct);
        Touch(lead, now);
        var events = new List<CrmEvent> { db.Record(EventTypes.LeadDeleted, tenantId, lead.Id, new { lead_id = lead.Id, stage_id = lead.StageId, owner_id = lead.OwnerId, version = lead.Version }, now) };
        await SaveAsync(db, events, ct);
    }

    /// <summary>
    /// Merges <paramref name="sourceId"/> into <paramref name="targetId"/>: all interactions, activities and WhatsApp messages
    /// move, blanks are filled (a phone comes with its WhatsApp id), the source is deleted.
    /// </summary>
    public async Task<LeadDto> MergeAsync(Guid targetId, Guid sourceId, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await access.RequireAsync(Capabilities.LeadsDelete, ct);
        if (targetId == sourceId) throw new ValidationException("source_id", "must differ from target_id.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var target = await LoadForWriteAsync(db, targetId, null, ct, "target_id");
        var source = await LoadForWriteAsync(db, sourceId, null, ct, "source_id");
        target.Email ??= source.Email;
        target.EmailNormalized ??= source.EmailNormalized;
        if (target.Phone is null && source.Phone is not null) (target.Phone, target.WhatsappId) = (source.Phone, source.WhatsappId);
        if (target.Phone == source.Phone) target.WhatsappId ??= source.WhatsappId;
        target.PhoneRaw = target.Phone is null ? target.PhoneRaw ?? source.PhoneRaw : null;
        target.Company ??= source.Company;
        target.OwnerId ??= source.OwnerId;
        if (target.ValueCents == 0) target.ValueCents = source.ValueCents;
        target.ExpectedCloseDate ??= source.ExpectedCloseDate;
        target.Tags = NormalizeTags(target.Tags.Concat(source.Tags).ToList());
        target.Sources = target.Sources.Concat(source.Sources).Distinct().ToList();
        target.CustomFields = MergeJson(source.CustomFields, target.CustomFields);
        foreach (var utm in new[] { "UtmSource", "UtmMedium", "UtmCampaign", "UtmTerm", "UtmContent" })
        {
            var entry = db.Entry(target).Property(utm);
            entry.CurrentValue ??= db.Entry(source).Property(utm).CurrentValue;
        }
        await db.Interactions.Where(i => i.LeadId == sourceId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LeadId, targetId), ct);
        await db.Activities.Where(a => a.LeadId == sourceId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LeadId, targetId), ct);
        // The WhatsApp conversation follows the phone (and its wa_id) to the kept lead.
        await db.Messages.Where(m => m.LeadId == sourceId).ExecuteUpdateAsync(s => s.SetProperty(m => m.LeadId, targetId), ct);
        target.InteractionCount += source.InteractionCount;
        target.LastInteractionAt = new[] { target.LastInteractionAt, source.LastInteractionAt }.Max();
        source.DeletedAt = now;
        await AnalyticsRows.ForgetLeadAsync(db, source.Id, ct);
        source.EmailNormalized = null;
        source.Phone = null;
        source.WhatsappId = null;
        Touch(source, now);
        db.Interactions.Add(new Interaction
        {
            TenantId = tenantId, LeadId = targetId, Type = InteractionType.Note, AuthorId = access.User.UserId, AuthorName = access.User.DisplayName,
            OccurredAt = now, CreatedAt = now, Text = $"Merged with \"{source.Name}\".",
        });
        Rescore(target, await ProbabilityAsync(db, target.StageId, ct), now);
        Touch(target, now);
        var events = new List<CrmEvent>
        {
            db.Record(EventTypes.LeadMerged, tenantId, targetId, new { lead_id = targetId, merged_lead_id = sourceId, version = target.Version }, now),
            db.Record(EventTypes.LeadDeleted, tenantId, sourceId, new { lead_id = sourceId, stage_id = source.StageId, owner_id = source.OwnerId, merged_into = targetId, version = source.Version }, now),
        };
        await SaveAsync(db, events, ct);
        return (await query.MapAsync(db, [target], ct))[0];
    }

    private async Task SaveAsync(CrmDbContext db, List<CrmEvent> events, CancellationToken ct)
    {
        await SaveUnpublishedAsync(db, ct);
        if (events.Count > 0) bus.Publish(events);
    }

    private static async Task SaveUnpublishedAsync(CrmDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The lead was changed by someone else; reload and try again.");
        }
    }
}
