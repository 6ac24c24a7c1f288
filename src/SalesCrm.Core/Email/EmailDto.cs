namespace SalesCrm.Core.Email;

public sealed record EmailDto(Guid Id, Guid? LeadId, Guid? WorkflowRunId, string To, string Subject, string Body, string Status, string? Error, DateTime CreatedAt, DateTime? SentAt)
{
    public static EmailDto From(EmailMessage m) => new(m.Id, m.LeadId, m.WorkflowRunId, m.To, m.Subject, m.Body, m.Status, m.Error, m.CreatedAt, m.SentAt);
}
