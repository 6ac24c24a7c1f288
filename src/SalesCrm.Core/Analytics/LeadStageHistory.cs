using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// One stage change of a lead (its entry into its first stage included, with no <see cref="FromStageId"/>), written in
/// the same transaction as the change by <see cref="LeadStageChange"/>. Conversion, time in stage and won/lost by period
/// are queries over these rows. Stage ids are kept without a foreign key, so history outlives a deleted stage.
/// </summary>
public sealed class LeadStageHistory : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public Guid PipelineId { get; set; }
    /// <summary>The stage the lead left; null for its entry into its first stage (or when a backfill could not tell).</summary>
    public Guid? FromStageId { get; set; }
    public Guid ToStageId { get; set; }
    /// <summary>The lead's status before the change; null for its entry into its first stage.</summary>
    public LeadStatus? FromStatus { get; set; }
    public LeadStatus ToStatus { get; set; }
    /// <summary>The lost reason when the change lost the deal.</summary>
    public string? LostReason { get; set; }
    /// <summary>When it happened (UTC).</summary>
    public DateTime At { get; set; }
    /// <summary>The user or API key that made the change; null for the system.</summary>
    public Guid? ActorId { get; set; }
    public string? ActorName { get; set; }
    /// <summary>The lead's owner at the time: whose deal was won or lost.</summary>
    public Guid? OwnerId { get; set; }
    /// <summary>The deal's value at the time, in minor units of <see cref="Currency"/>.</summary>
    public long ValueCents { get; set; }
    public string Currency { get; set; } = "BRL";
    /// <summary>How long the lead had been in <see cref="FromStageId"/>, in seconds; null for an entry or a change of the stage's kind.</summary>
    public long? SecondsInFromStage { get; set; }
    /// <summary>
    /// When the lead's previous change in this pipeline happened (UTC; by time, then id); null on its first. Kept by database
    /// triggers (<see cref="StageSuffixSql"/>): written by the database, never by the application.
    /// </summary>
    public DateTime? PreviousAt { get; set; }
    /// <summary>
    /// The stages the lead entered in this pipeline from this change on (this one included), comma-separated ids, each once, in
    /// no particular order; <see cref="LeadFunnel.Overflow"/> when too long to keep. Kept by database triggers
    /// (<see cref="StageSuffixSql"/>). A period that starts between <see cref="PreviousAt"/> and <see cref="At"/> sees exactly
    /// these stages of the lead when no change comes after the period (ADR 055).
    /// </summary>
    public string? StagesFromHere { get; set; }
    /// <summary>Where the row comes from: written with the change, or rebuilt by the migration from older records.</summary>
    public StageHistoryOrigin Origin { get; set; } = StageHistoryOrigin.Recorded;
}

/// <summary>
/// <c>recorded</c>: written with the change. Backfilled by the migration: <c>event</c> from <c>lead.created</c> /
/// <c>lead.stage_changed</c> events, <c>interaction</c> from a <c>status_change</c> timeline entry with no event,
/// <c>lead</c> from the lead row alone (entry into the stage it is in, at <c>stage_entered_at</c>).
/// </summary>
public enum StageHistoryOrigin { Recorded, Event, Interaction, Lead }
