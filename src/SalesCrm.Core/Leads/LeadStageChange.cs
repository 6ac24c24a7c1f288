using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Pipelines;

namespace SalesCrm.Core.Leads;

/// <summary>
/// What putting a lead in a stage does, wherever it comes from: a move, the leads of a deleted stage moving to another,
/// or a stage whose kind changes under its leads. Won and lost stages close the deal (<c>closed_at</c>, a lost reason
/// for lost ones), an open stage reopens it; a <c>status_change</c> interaction records it and the score follows the
/// stage's probability; a <see cref="LeadStageHistory"/> row records it for analytics (<see cref="Enter"/> records a new
/// lead's entry into its first stage). The caller saves and records the events.
/// </summary>
public static class LeadStageChange
{
    /// <summary>Puts <paramref name="lead"/> in <paramref name="target"/>, coming from <paramref name="from"/> (the same stage when only its kind changed).</summary>
    /// <param name="lostReason">The reason kept when the target is a lost stage (the lead's earlier reason when null).</param>
    public static void Apply(CrmDbContext db, Lead lead, Stage from, Stage target, ICurrentUser actor, string? lostReason, DateTime now)
    {
        var (fromStatus, enteredFrom) = (lead.Status, lead.StageEnteredAt);
        if (from.Id != target.Id) lead.StageEnteredAt = now;
        lead.StageId = target.Id;
        lead.PipelineId = target.PipelineId;
        var status = LeadService.StatusFor(target.Kind);
        if (status != lead.Status)
        {
            lead.Status = status;
            lead.ClosedAt = status == LeadStatus.Open ? null : now;
        }
        lead.LostReason = status == LeadStatus.Lost ? (lostReason ?? lead.LostReason)?.Trim() : null;
        db.Interactions.Add(new Interaction
        {
            TenantId = lead.TenantId, LeadId = lead.Id, Type = InteractionType.StatusChange, AuthorId = actor.UserId,
            AuthorName = actor.DisplayName, OccurredAt = now, CreatedAt = now,
            Text = (from.Id == target.Id ? $"{target.Name}: {SnakeEnum.ToText(from.Kind)} → {SnakeEnum.ToText(target.Kind)}" : $"{from.Name} → {target.Name}")
                   + (status == LeadStatus.Lost ? $": {lead.LostReason}" : ""),
        });
        LeadScoring.Apply(lead, target.Probability, now);
        var row = History(lead, from.Id, fromStatus, actor, now);
        // A stage whose kind changed keeps its leads: no stay ended, so no time in stage.
        row.SecondsInFromStage = from.Id == target.Id ? null : Math.Max(0, (long)(now - enteredFrom).TotalSeconds);
        db.LeadStageHistory.Add(row);
    }

    /// <summary>Records a new lead's entry into its first stage (no stage before it), as history of its own.</summary>
    public static void Enter(CrmDbContext db, Lead lead, ICurrentUser actor, DateTime now) =>
        db.LeadStageHistory.Add(History(lead, null, null, actor, now));

    private static LeadStageHistory History(Lead lead, Guid? fromStageId, LeadStatus? fromStatus, ICurrentUser actor, DateTime now) => new()
    {
        TenantId = lead.TenantId, LeadId = lead.Id, PipelineId = lead.PipelineId, FromStageId = fromStageId, ToStageId = lead.StageId,
        FromStatus = fromStatus, ToStatus = lead.Status, LostReason = lead.Status == LeadStatus.Lost ? lead.LostReason : null, At = now,
        ActorId = actor.UserId ?? actor.ApiKeyId, ActorName = actor.DisplayName, OwnerId = lead.OwnerId, ValueCents = lead.ValueCents, Currency = lead.Currency,
    };

    /// <summary>
    /// The events of a stage change, recorded in <paramref name="db"/>'s outbox: <c>lead.stage_changed</c> (with the
    /// lead's index in its column, or null when not placed by the caller), and <c>deal.won</c> / <c>deal.lost</c> when
    /// <paramref name="closed"/> (the change put the lead in a won or lost stage).
    /// </summary>
    public static List<CrmEvent> Record(CrmDbContext db, Lead lead, Guid fromStageId, int? position, ICurrentUser actor, bool closed, DateTime now)
    {
        var events = new List<CrmEvent>
        {
            db.Record(EventTypes.LeadStageChanged, lead.TenantId, lead.Id, new
            {
                lead_id = lead.Id, from_stage_id = fromStageId, to_stage_id = lead.StageId, position, version = lead.Version,
                moved_by = actor.UserId ?? actor.ApiKeyId, owner_id = lead.OwnerId, status = lead.Status, lost_reason = lead.LostReason,
            }, now),
        };
        if (closed) events.AddRange(RecordClosed(db, lead, now));
        return events;
    }

    /// <summary>
    /// <c>deal.won</c> (value in major units with its currency) or <c>deal.lost</c> (with the lost reason) for a lead whose
    /// status is won or lost, recorded in <paramref name="db"/>'s outbox; nothing for an open lead.
    /// </summary>
    public static IEnumerable<CrmEvent> RecordClosed(CrmDbContext db, Lead lead, DateTime now)
    {
        if (lead.Status == LeadStatus.Won)
            yield return db.Record(EventTypes.DealWon, lead.TenantId, lead.Id, new { lead_id = lead.Id, value = lead.ValueCents / 100m, currency = lead.Currency }, now);
        if (lead.Status == LeadStatus.Lost)
            yield return db.Record(EventTypes.DealLost, lead.TenantId, lead.Id, new { lead_id = lead.Id, lost_reason = lead.LostReason }, now);
    }
}
