using System.Text.Json.Nodes;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SalesCrm.Core.Data;
using SalesCrm.Core.Email;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// <c>send_email</c>: renders <c>to</c> (default: the lead's e-mail; a comma-separated list sends to each), <c>subject</c> and <c>body</c> and writes an
/// <see cref="EmailMessage"/> with the step's idempotency key. With SMTP configured it is sent (a refused recipient fails
/// the step; a server or network error is retried by the engine); without, the step completes and the e-mail stays
/// <c>not_sent</c>, visible on the lead. A step that runs again after a crash finds its row and does not send twice.
/// </summary>
public sealed class SendEmailExecutor(CrmDbContext db, SmtpEmailSender smtp, TimeProvider time) : IWorkflowNodeExecutor
{
    public string NodeType => "send_email";

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        var existing = await db.Set<EmailMessage>().FirstOrDefaultAsync(m => m.IdempotencyKey == context.IdempotencyKey, ct);
        if (existing is { Status: EmailStatuses.Sent or EmailStatuses.NotSent }) return WorkflowNodeOutcome.Next(output: Output(existing));

        var to = context.Scope.TryResolve("lead.email", out var leadEmail) ? ScopeValues.Text(leadEmail) : null;
        if (NodeSettings.Template(context, "to") is { Length: > 0 } toTemplate) to = TemplateRenderer.Render(toTemplate, context.Scope, EmailMessage.MaxAddressLength).Text;
        to = to?.Trim();
        // "a@x.com, b@y.com" is a list of recipients (the weekly digest goes to every manager); each needs a domain.
        if (string.IsNullOrEmpty(to) || !InternetAddressList.TryParse(to, out var recipients) || recipients.Count == 0 || recipients.Any(r => r is not MailboxAddress { Domain.Length: > 0 }))
            return WorkflowNodeOutcome.Fail(string.IsNullOrEmpty(to) ? "The lead has no e-mail address and the node sets no 'to'." : $"'{to}' is not an e-mail address.");

        var now = time.GetUtcNow().UtcDateTime;
        var message = existing ?? db.Set<EmailMessage>().Add(new EmailMessage
        {
            TenantId = context.TenantId, LeadId = context.LeadId, WorkflowRunId = context.RunId, IdempotencyKey = context.IdempotencyKey, CreatedAt = now,
            To = to, Subject = "", Body = "",
        }).Entity;
        message.To = to;
        message.Subject = TemplateRenderer.Render(NodeSettings.Template(context, "subject"), context.Scope, EmailMessage.MaxSubjectLength).Text.ReplaceLineEndings(" ");
        message.Body = TemplateRenderer.Render(NodeSettings.Template(context, "body"), context.Scope, EmailMessage.MaxBodyLength).Text;

        if (!smtp.IsConfigured)
        {
            message.Status = EmailStatuses.NotSent;
            message.Error = "No SMTP server is configured (Email:Smtp:Host).";
            return WorkflowNodeOutcome.Next(output: Output(message));
        }
        try
        {
            await smtp.SendAsync(message, ct);
            message.Status = EmailStatuses.Sent;
            message.Error = null;
            message.SentAt = time.GetUtcNow().UtcDateTime;
            return WorkflowNodeOutcome.Next(output: Output(message));
        }
        catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted || (int)e.StatusCode >= 500)
        {
            // A permanent refusal (5xx): trying again sends nothing more.
            message.Status = EmailStatuses.Failed;
            message.Error = Short(e.Message);
            return WorkflowNodeOutcome.Fail($"The SMTP server refused the e-mail: {message.Error}", retryable: false, Output(message));
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException or TimeoutException
                                      or OperationCanceledException && !ct.IsCancellationRequested)
        {
            message.Status = EmailStatuses.Failed;
            message.Error = Short(e.Message);
            return WorkflowNodeOutcome.Fail($"The e-mail could not be sent: {message.Error}", retryable: true, Output(message));
        }
    }

    private static JsonObject Output(EmailMessage m) => new()
    {
        ["email_id"] = m.Id.ToString(), ["to"] = m.To, ["subject"] = m.Subject, ["status"] = m.Status, ["error"] = m.Error,
    };

    private static string Short(string text) => text.Length <= 1000 ? text : text[..1000];
}
