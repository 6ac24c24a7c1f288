using SalesCrm.Core.Common;

namespace SalesCrm.Core.Email;

/// <summary>
/// One e-mail the CRM sent or meant to send (the outbox): a workflow's <c>send_email</c> step writes it with the step's
/// idempotency key, so a resumed step finds it instead of sending twice. Without SMTP configured it stays
/// <see cref="EmailStatuses.NotSent"/> and is still shown on the lead.
/// </summary>
public sealed class EmailMessage : ITenantOwned
{
    public const int MaxAddressLength = 320;
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 20_000;

    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid? LeadId { get; set; }
    /// <summary>The workflow run that sent it, when a workflow did.</summary>
    public Guid? WorkflowRunId { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>One of <see cref="EmailStatuses"/>.</summary>
    public string Status { get; set; } = EmailStatuses.Pending;
    public string? Error { get; set; }
    /// <summary>Unique per workspace: the workflow step's key (run + node); also the message's <c>Message-Id</c> local part.</summary>
    public required string IdempotencyKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
