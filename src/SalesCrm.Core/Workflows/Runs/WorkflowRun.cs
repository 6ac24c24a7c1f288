using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Runs;

/// <summary>One execution of a published <see cref="WorkflowVersion"/> (ADR 051).</summary>
public sealed class WorkflowRun : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid WorkflowId { get; set; }
    public int Version { get; set; }
    public Guid? LeadId { get; set; }
    /// <summary>One of <see cref="WorkflowRunStatuses"/>.</summary>
    public string Status { get; set; } = WorkflowRunStatuses.Running;
    public string? SubStatus { get; set; }
    /// <summary>Carried from the event that started the run; the loop guard counts <see cref="Depth"/> along it.</summary>
    public Guid CorrelationId { get; set; }
    public int Depth { get; set; }
    public string? CurrentNode { get; set; }
    public string? Input { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int IncidentCount { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
    /// <summary>The event that started the run as <c>{ "type", "payload" }</c> JSON (<c>{{event.payload.x}}</c>); null for other triggers.</summary>
    public string? TriggerEvent { get; set; }
    /// <summary>When a waiting run times out, or a retrying step is due again (UTC).</summary>
    public DateTime? WaitUntil { get; set; }
    /// <summary>The bookmark: the event type that resumes a waiting run, about <see cref="WaitLeadId"/> when set.</summary>
    public string? WaitEventType { get; set; }
    public Guid? WaitLeadId { get; set; }
    public string? WaitDescription { get; set; }
    /// <summary>The waiting node's <see cref="WorkflowWait.State"/> as JSON.</summary>
    public string? WaitState { get; set; }
    /// <summary>True when the bookmark's event arrived: the run is due now and resumes with <see cref="ResumePayload"/>.</summary>
    public bool ResumeDue { get; set; }
    /// <summary>The matched event as <c>{ "event_id", "type", "payload" }</c> JSON, for the waiting node's <see cref="WorkflowResume"/>.</summary>
    public string? ResumePayload { get; set; }
    /// <summary>When the current node's next attempt is due after a retryable failure (UTC); null when not retrying.</summary>
    public DateTime? NextAttemptAt { get; set; }
    /// <summary>The last failure of a failed run, for people.</summary>
    public string? Error { get; set; }
    /// <summary>What started the run (<see cref="TriggerKinds"/>).</summary>
    public string? TriggerKind { get; set; }
}
