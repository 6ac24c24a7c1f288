using System.Text.Json;
using SalesCrm.Core.Activities;

namespace SalesCrm.Core.Leads;

public sealed record ActivitySummary(Guid Id, ActivityType Type, string Title, DateTime DueAt, bool Overdue);

/// <summary>
/// A lead as the API and the UI show it. <c>Phone</c> is E.164; <c>PhoneRaw</c> is the text a webhook or import gave when
/// it was no phone number (then <c>Phone</c> is null); <c>WhatsappId</c> is the sender id WhatsApp uses, replies go to it.
/// </summary>
public sealed record LeadDto(
    Guid Id, string Name, string? Email, string? Phone, string? PhoneRaw, string? WhatsappId, string? Company,
    LeadSource Source, IReadOnlyList<string> Sources,
    string? UtmSource, string? UtmMedium, string? UtmCampaign, string? UtmTerm, string? UtmContent,
    Guid? OwnerId, string? OwnerName, LeadPriority Priority, decimal Value, string Currency, DateOnly? ExpectedCloseDate,
    int Score, IReadOnlyDictionary<string, int> ScoreBreakdown, IReadOnlyList<string> Tags, JsonElement CustomFields,
    LeadStatus Status, string? LostReason, Guid PipelineId, Guid StageId, double Position, DateTime StageEnteredAt,
    DateTime? LastInteractionAt, int InteractionCount, int Version, DateTime CreatedAt, DateTime UpdatedAt,
    bool IsRotting, int DaysInStage, ActivitySummary? NextActivity);

/// <summary>Fields of a new lead. Phone and email are normalized; unknown enum text is a validation error upstream.</summary>
public sealed record LeadInput
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Company { get; init; }
    public LeadSource? Source { get; init; }
    public string? UtmSource { get; init; }
    public string? UtmMedium { get; init; }
    public string? UtmCampaign { get; init; }
    public string? UtmTerm { get; init; }
    public string? UtmContent { get; init; }
    public Guid? OwnerId { get; init; }
    public LeadPriority? Priority { get; init; }
    public decimal? Value { get; init; }
    public string? Currency { get; init; }
    public DateOnly? ExpectedCloseDate { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public JsonElement? CustomFields { get; init; }
    public Guid? PipelineId { get; init; }
    public Guid? StageId { get; init; }
    /// <summary>Why the deal was lost: required when <see cref="StageId"/> is a lost stage (as for a move), ignored otherwise.</summary>
    public string? LostReason { get; init; }
    /// <summary>
    /// Internal, for webhook processing: recorded with the lead in one transaction (per workspace), so a replay is
    /// recognised and skipped. Never bound from a public request body (the API binds <c>CreateLeadRequest</c>).
    /// </summary>
    public string? IdempotencyKey { get; init; }
    /// <summary>
    /// For webhooks and imports: a phone that is no number keeps the lead, its text going to <see cref="Lead.PhoneRaw"/>
    /// with a warning in <see cref="LeadCaptured.Warnings"/>, instead of a validation error. Never bound from a request body.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool KeepUnreadablePhone { get; init; }
    /// <summary>WhatsApp's <c>wa_id</c> of the sender (digits as given), kept on the lead to address replies. Never bound from a request body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? WhatsappId { get; init; }
    /// <summary>
    /// Places a new lead first in its stage's column instead of last: the board's quick add, typed in above the column, puts
    /// the card where the rep looks. Never bound from a request body.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AtTop { get; init; }
}

/// <summary>A partial update: only non-null fields change; an empty string clears a text field.</summary>
public sealed record LeadPatch
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Company { get; init; }
    public LeadSource? Source { get; init; }
    public LeadPriority? Priority { get; init; }
    public decimal? Value { get; init; }
    public string? Currency { get; init; }
    public DateOnly? ExpectedCloseDate { get; init; }
    public bool ClearExpectedCloseDate { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public JsonElement? CustomFields { get; init; }
    public string? UtmSource { get; init; }
    public string? UtmMedium { get; init; }
    public string? UtmCampaign { get; init; }
    public string? UtmTerm { get; init; }
    public string? UtmContent { get; init; }
    public int? ExpectedVersion { get; init; }
}

/// <summary>The outcome of a create: the lead, and whether it merged into an existing one (deduplication).</summary>
public sealed record LeadCreateResult(LeadDto Lead, bool Merged);

/// <summary>
/// The outcome of a capture: the lead's id, whether it merged into an existing one, and what was kept but not applied
/// (e.g. an unreadable phone kept as <c>phone_raw</c>, see <see cref="PhoneReading.Warning"/>), for the inbox item to show.
/// </summary>
public sealed record LeadCaptured(Guid LeadId, bool Merged, IReadOnlyList<string> Warnings);
