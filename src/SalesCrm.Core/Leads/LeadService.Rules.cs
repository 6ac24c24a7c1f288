using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Leads;

/// <summary>The rules behind <see cref="LeadService"/>'s commands: validation, de-duplication, assignment, positions.</summary>
public sealed partial class LeadService
{
    private const double MinGap = 1e-6;

    /// <summary>The new lead's normalized email and phone; with <see cref="LeadInput.KeepUnreadablePhone"/>, an unreadable phone comes back as its raw text.</summary>
    internal static (string? Email, PhoneReading Phone) ValidateCreate(LeadInput input, TenantSettings settings)
    {
        var v = new Validator().Require("name", input.Name, 200);
        if (!string.IsNullOrWhiteSpace(input.Email)) v.Email("email", input.Email);
        v.When(!IsValue(input.Value), "value", ValueRangeError);
        v.When(input.Currency is not null && !IsCurrency(input.Currency), "currency", "must be a 3-letter ISO code.");
        ValidateCustomFields(v, input.CustomFields);
        ValidateTags(v, input.Tags);
        var phone = PhoneReading.None;
        try { phone = new PhoneReading(ContactNormalizer.NormalizePhone(input.Phone, settings.DefaultRegion), null); }
        catch (ValidationException) when (input.KeepUnreadablePhone) { phone = PhoneReading.Unreadable(input.Phone!); }
        catch (ValidationException e) { foreach (var (k, msgs) in e.Errors) foreach (var m in msgs) v.Add(k, m); }
        v.ThrowIfInvalid();
        return (ContactNormalizer.NormalizeEmail(input.Email), phone);
    }

    private static void ValidateCustomFields(Validator v, JsonElement? custom) =>
        v.When(custom is { ValueKind: not JsonValueKind.Object and not JsonValueKind.Null and not JsonValueKind.Undefined }, "custom_fields", "must be a JSON object.");

    private static void ValidateTags(Validator v, IReadOnlyList<string>? tags) =>
        v.When(tags is not null && (tags.Count > 50 || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 50)), "tags", "up to 50 non-empty tags of at most 50 characters.");

    private static bool IsCurrency(string code) => code.Length == 3 && code.All(char.IsAsciiLetter);

    private static async Task<TenantSettings> SettingsAsync(CrmDbContext db, Guid tenantId, CancellationToken ct) =>
        (await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct)) ?? new TenantSettings();

    // Duplicates are looked up one key at a time: with an OR across phone and email (or an ORDER BY CreatedAt) SQLite's
    // planner walks the tenant's whole lead index instead of the phone and email indexes, so every capture slowed
    // down as the tenant grew.
    private async Task<Lead?> FindDuplicateAsync(CrmDbContext db, string? email, string? phone, CancellationToken ct)
    {
        var matches = new List<Lead>();
        if (phone is not null) matches.AddRange(await db.Leads.Where(l => l.Phone == phone).ToListAsync(ct));
        if (email is not null) matches.AddRange(await db.Leads.Where(l => l.EmailNormalized == email).ToListAsync(ct));
        return matches.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).FirstOrDefault();
    }

    private async Task EnsureNoDuplicateAsync(CrmDbContext db, Lead lead, CancellationToken ct)
    {
        var id = lead.Id;
        var clash = (lead.Phone is { } phone ? await db.Leads.Where(l => l.Id != id && l.Phone == phone).Select(l => new { l.Id, l.Name }).FirstOrDefaultAsync(ct) : null)
            ?? (lead.EmailNormalized is { } email ? await db.Leads.Where(l => l.Id != id && l.EmailNormalized == email).Select(l => new { l.Id, l.Name }).FirstOrDefaultAsync(ct) : null);
        if (clash is null) return;
        await EnsureVisibleDuplicateAsync(db, clash.Id, ct);
        throw new ConflictException($"Another lead (\"{clash.Name}\", {clash.Id}) already has this phone or email; merge them instead.");
    }

    /// <summary>The message of <see cref="ErrorCodes.DuplicateLead"/>: it names nothing of the hidden lead.</summary>
    public const string HiddenDuplicateMessage = "A lead with this phone or e-mail already exists and is handled by someone else; ask a manager.";

    /// <summary>
    /// A lead with the same phone or e-mail that the actor may not see (own visibility, another owner): a 409
    /// <see cref="ErrorCodes.DuplicateLead"/> that neither shows nor changes it.
    /// </summary>
    private async Task EnsureVisibleDuplicateAsync(CrmDbContext db, Guid duplicateId, CancellationToken ct)
    {
        if (!await (await query.VisibleAsync(db, ct)).AnyAsync(l => l.Id == duplicateId, ct))
            throw new ConflictException(HiddenDuplicateMessage, ErrorCodes.DuplicateLead);
    }

    /// <summary>
    /// A lead captured again: keep the original, fill its blanks, remember the new source, log it on the timeline, and save
    /// (events added to <paramref name="events"/>, unpublished). True when a field of the lead's snapshot was filled.
    /// </summary>
    private async Task<bool> MergeCaptureAsync(CrmDbContext db, Lead lead, LeadInput input, string? email, PhoneReading phone, LeadSource source, DateTime now,
        List<Events.CrmEvent> events, CancellationToken ct)
    {
        var before = Snapshot(lead);
        lead.Email ??= Blank(input.Email);
        lead.EmailNormalized ??= email;
        lead.Phone ??= phone.E164;
        lead.PhoneRaw = lead.Phone is null ? lead.PhoneRaw ?? phone.Raw : null;
        if (input.WhatsappId is { } waId && lead.Phone == phone.E164) lead.WhatsappId = waId;
        lead.Company ??= Blank(input.Company);
        lead.UtmSource ??= Blank(input.UtmSource);
        lead.UtmMedium ??= Blank(input.UtmMedium);
        lead.UtmCampaign ??= Blank(input.UtmCampaign);
        lead.UtmTerm ??= Blank(input.UtmTerm);
        lead.UtmContent ??= Blank(input.UtmContent);
        if (lead.ValueCents == 0 && input.Value is { } value) lead.ValueCents = ToCents(value);
        lead.Tags = NormalizeTags(lead.Tags.Concat(input.Tags ?? []).ToList());
        if (input.CustomFields is { ValueKind: JsonValueKind.Object } custom) lead.CustomFields = MergeJson(lead.CustomFields, CustomFieldsJson(custom));
        var sourceText = SnakeEnum.ToText(source);
        if (!lead.Sources.Contains(sourceText)) lead.Sources = [.. lead.Sources, sourceText];
        db.Interactions.Add(new Interaction
        {
            TenantId = lead.TenantId, LeadId = lead.Id, Type = InteractionType.Note, AuthorId = access.User.UserId, AuthorName = access.User.DisplayName ?? sourceText,
            OccurredAt = now, CreatedAt = now, Text = $"Captured again from {sourceText}.",
        });
        lead.InteractionCount++;
        lead.LastInteractionAt = now;
        Rescore(lead, await ProbabilityAsync(db, lead.StageId, ct), now);
        Touch(lead, now);
        RememberKey(db, input.IdempotencyKey, lead.TenantId, now);
        events.Add(db.Record(Events.EventTypes.LeadUpdated, lead.TenantId, lead.Id, new { lead_id = lead.Id, version = lead.Version, captured_again_from = sourceText }, now));
        await db.SaveChangesAsync(ct); // a lost version race goes up to the caller's retry
        return Changed(before, Snapshot(lead)).Count > 0;
    }

    private static void RememberKey(CrmDbContext db, string? key, Guid tenantId, DateTime now)
    {
        if (key is not null) db.ProcessedKeys.Add(new Inbox.ProcessedKey { Key = key, TenantId = tenantId, ProcessedAt = now });
    }

    private async Task<(Guid PipelineId, Stage Stage)> TargetStageAsync(CrmDbContext db, Guid? pipelineId, Guid? stageId, CancellationToken ct)
    {
        if (stageId is { } sid)
        {
            var stage = await db.Stages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) ?? throw new ValidationException("stage_id", "does not name a stage of this tenant.");
            if (pipelineId is { } p && p != stage.PipelineId) throw new ValidationException("stage_id", "belongs to another pipeline.");
            return (stage.PipelineId, stage);
        }
        var pipeline = pipelineId is { } pid
            ? await db.Pipelines.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) ?? throw new ValidationException("pipeline_id", "does not name a pipeline of this tenant.")
            : await db.Pipelines.AsNoTracking().OrderByDescending(p => p.IsDefault).ThenBy(p => p.Order).FirstOrDefaultAsync(ct) ?? throw new ConflictException("The tenant has no pipeline.");
        var first = await db.Stages.AsNoTracking().Where(s => s.PipelineId == pipeline.Id && s.IsActive && s.Kind == StageKind.Open).OrderBy(s => s.Order).FirstOrDefaultAsync(ct)
                    ?? await db.Stages.AsNoTracking().Where(s => s.PipelineId == pipeline.Id).OrderBy(s => s.Order).FirstAsync(ct);
        return (pipeline.Id, first);
    }

    /// <summary>Explicit owner; else the creating user; else round-robin among sales reps (tenant setting).</summary>
    private async Task<Guid?> OwnerForNewLeadAsync(CrmDbContext db, Guid? requested, TenantSettings settings, DateTime now, CancellationToken ct)
    {
        if (requested is { } owner)
        {
            if (!await db.Memberships.AnyAsync(m => m.UserId == owner, ct)) throw new ValidationException("owner_id", "is not a member of this tenant.");
            return owner;
        }
        if (access.User.UserId is { } creator) return creator;
        if (!settings.RoundRobinAssignment) return null;
        return await RoundRobinAssigner.NextAsync(db, SystemRoles.SalesRep, now, ct);
    }

    private async Task<Lead> LoadForWriteAsync(CrmDbContext db, Guid id, int? expectedVersion, CancellationToken ct, string field = "id")
    {
        var lead = await (await query.VisibleAsync(db, ct)).FirstOrDefaultAsync(l => l.Id == id, ct)
                   ?? (field == "id" ? throw new NotFoundException("Lead", id) : throw new ValidationException(field, "does not name a lead you can see."));
        if (expectedVersion is { } expected && expected != lead.Version)
            throw new ConflictException($"The lead is at version {lead.Version}, not {expected}; reload and try again.");
        return lead;
    }

    private static async Task<double> NextPositionAsync(CrmDbContext db, Guid stageId, CancellationToken ct) =>
        (await db.Leads.Where(l => l.StageId == stageId).MaxAsync(l => (double?)l.Position, ct) ?? 0) + 1;

    private static async Task<double> FirstPositionAsync(CrmDbContext db, Guid stageId, CancellationToken ct) =>
        (await db.Leads.Where(l => l.StageId == stageId).MinAsync(l => (double?)l.Position, ct) ?? 2) - 1;

    /// <summary>The rank for index <paramref name="index"/> in a column (null = end): midway between its neighbours.</summary>
    private static async Task<double> PositionAtAsync(CrmDbContext db, Guid stageId, Guid movingId, int? index, CancellationToken ct)
    {
        if (index is null) return await db.Leads.Where(l => l.StageId == stageId && l.Id != movingId).MaxAsync(l => (double?)l.Position, ct) + 1 ?? 1;
        var i = index.Value;
        var around = await db.Leads.Where(l => l.StageId == stageId && l.Id != movingId).OrderBy(l => l.Position).ThenBy(l => l.Id)
            .Skip(Math.Max(0, i - 1)).Take(i == 0 ? 1 : 2).Select(l => l.Position).ToListAsync(ct);
        double? before = i == 0 ? null : around.ElementAtOrDefault(0);
        double? after = i == 0 ? around.ElementAtOrDefault(0) : around.Count > 1 ? around[1] : null;
        if (i > 0 && around.Count == 0) before = await db.Leads.Where(l => l.StageId == stageId && l.Id != movingId).MaxAsync(l => (double?)l.Position, ct);
        var position = (before, after) switch
        {
            (null, null) => 1,
            (null, { } a) => a - 1,
            ({ } b, null) => b + 1,
            ({ } b, { } a) => (a + b) / 2,
        };
        if (before is { } lo && after is { } hi && hi - lo < MinGap)
        {
            // The gap wore out after many drops in the same place: renumber the column and place again.
            var column = await db.Leads.Where(l => l.StageId == stageId && l.Id != movingId).OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(ct);
            for (var k = 0; k < column.Count; k++) column[k].Position = k + 1;
            return Math.Clamp(i, 0, column.Count) + 0.5;
        }
        return position;
    }

    private static async Task<int> ProbabilityAsync(CrmDbContext db, Guid stageId, CancellationToken ct) =>
        await db.Stages.Where(s => s.Id == stageId).Select(s => s.Probability).FirstOrDefaultAsync(ct);

    private static void Rescore(Lead lead, int stageProbability, DateTime now) => LeadScoring.Apply(lead, stageProbability, now);

    /// <summary>A phone a rep set (or cleared): the raw text is done with, and a WhatsApp id of another number is forgotten.</summary>
    private static void SetPhone(Lead lead, string? e164, string region)
    {
        lead.Phone = e164;
        lead.PhoneRaw = null;
        if (lead.WhatsappId is { } waId && ContactNormalizer.TryNormalizePhone("+" + waId, region) != e164) lead.WhatsappId = null;
    }

    private static void Touch(Lead lead, DateTime now)
    {
        lead.UpdatedAt = now;
        lead.Version++;
    }

    public static LeadStatus StatusFor(StageKind kind) => kind switch
    {
        StageKind.Won => LeadStatus.Won,
        StageKind.Lost => LeadStatus.Lost,
        _ => LeadStatus.Open,
    };

    private static Dictionary<string, object?> Snapshot(Lead l) => new()
    {
        ["lead_id"] = l.Id, ["name"] = l.Name, ["email"] = l.Email, ["phone"] = l.Phone, ["phone_raw"] = l.PhoneRaw, ["company"] = l.Company,
        ["source"] = SnakeEnum.ToText(l.Source), ["owner_id"] = l.OwnerId, ["priority"] = SnakeEnum.ToText(l.Priority), ["value"] = l.ValueCents / 100m,
        ["currency"] = l.Currency, ["stage_id"] = l.StageId, ["pipeline_id"] = l.PipelineId, ["status"] = SnakeEnum.ToText(l.Status),
        ["tags"] = string.Join(",", l.Tags), ["expected_close_date"] = l.ExpectedCloseDate, ["version"] = l.Version,
    };

    private static Dictionary<string, object?> Changed(Dictionary<string, object?> before, Dictionary<string, object?> after) =>
        after.Where(kv => kv.Key != "version" && !Equals(before.GetValueOrDefault(kv.Key), kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>
    /// The largest lead value (in the lead's currency): values are stored as <c>long</c> minor units, which hold about
    /// 9.2e16 units, so a cap well inside that keeps every conversion exact and every sum of a pipeline from overflowing.
    /// </summary>
    public const decimal MaxValue = 1_000_000_000_000m;

    internal const string ValueRangeError = "must be between 0 and 1000000000000.";

    /// <summary>True for no value or one from 0 to <see cref="MaxValue"/>.</summary>
    internal static bool IsValue(decimal? value) => value is null or (>= 0 and <= MaxValue);

    /// <summary>Major units to cents (half away from zero); a value outside 0..<see cref="MaxValue"/> is a 400 on <c>value</c>.</summary>
    internal static long ToCents(decimal value) =>
        IsValue(value) ? (long)Math.Round(value * 100, MidpointRounding.AwayFromZero) : throw new ValidationException("value", ValueRangeError);

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static List<string> NormalizeTags(IReadOnlyList<string>? tags) =>
        (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string CustomFieldsJson(JsonElement? custom) =>
        custom is { ValueKind: JsonValueKind.Object } obj ? obj.GetRawText() : "{}";

    /// <summary>Keys of <paramref name="overlay"/> win; keys only in <paramref name="basis"/> are kept.</summary>
    private static string MergeJson(string basis, string overlay)
    {
        var result = JsonNode.Parse(basis) as JsonObject ?? new JsonObject();
        if (JsonNode.Parse(overlay) is JsonObject top)
            foreach (var (key, value) in top) result[key] = value?.DeepClone();
        return result.ToJsonString();
    }
}
