using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// <c>ask_whatsapp</c>: sends <c>question</c> (reply buttons or a list when <c>options</c> are set; outside the 24-hour
/// window the <c>template_id</c> if set, else the step fails saying so) and waits for the lead's next
/// <c>whatsapp.received</c> until <c>timeout</c> (default 1 day). On the reply: "atendente"/"humano" (<see cref="HandoffDetector"/>)
/// hands the conversation off and ends the run (the node has no hand-off port); else <see cref="AnswerValidator"/> by
/// <c>answer_type</c> — valid: stored into <c>store_to</c> and port <c>answered</c>; invalid: <c>invalid_message</c> and
/// the question again, up to <c>max_attempts</c> (default 3) asks in all, then port <c>invalid</c>. No reply in time:
/// port <c>timeout</c>. While a person handles the conversation the run ends without asking.
/// </summary>
/// <remarks>
/// Every outcome's output carries <c>outcome</c> (<c>waiting</c>, <c>answered</c>, <c>invalid</c>, <c>timeout</c>,
/// <c>handoff</c>, <c>stopped</c>) and <c>asked</c> (how many times the question went out): the funnel reads them from the step rows.
/// </remarks>
public sealed class AskWhatsAppNode(BotSender sender, BotAnswerStore store, BotHandoff handoff, IDbContextFactory<CrmDbContext> dbFactory, TimeProvider time)
    : IWorkflowNodeExecutor
{
    public const int DefaultMaxAttempts = 3;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromDays(1);
    public const string DefaultInvalidMessage = "Desculpe, não entendi sua resposta.";

    public string NodeType => WorkflowNodeCatalog.AskWhatsApp;

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.LeadId is not { } leadId) return WorkflowNodeOutcome.Fail("ask_whatsapp needs a run about a lead.");
        var asked = context.Resume?.State?["asked"] is JsonValue a && a.TryGetValue<int>(out var n) ? n : 0;
        if (await HandledByHumanAsync(leadId, ct)) return WorkflowNodeOutcome.End(Output("stopped", asked));
        if (context.Resume is null) return await AskAsync(context, leadId, 1, null, ct);
        if (context.Resume.TimedOut) return WorkflowNodeOutcome.Next("timeout", Output("timeout", asked));

        var reply = context.Resume.Payload?["text"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : null;
        if (HandoffDetector.IsHandoffRequest(reply))
        {
            var assigned = await handoff.HandOffAsync(new HandoffRequest(leadId, context.RunId, Reason: "requested"), ct);
            var handedOff = Output("handoff", asked);
            handedOff["answer"] = reply;
            handedOff["assigned_to"] = assigned?.ToString();
            return WorkflowNodeOutcome.End(handedOff);
        }

        var type = AnswerValidator.ParseType(BotSettings.String(context.Settings, "answer_type")) ?? AnswerType.Text;
        var result = AnswerValidator.Validate(type, reply, await AnswerContextAsync(context, ct), buttonId: reply);
        if (!result.IsValid)
        {
            var max = BotSettings.Int(context.Settings, "max_attempts") ?? DefaultMaxAttempts;
            if (asked < max)
            {
                var retry = BotSettings.Render(context.Settings, "invalid_message", context.Scope) ?? DefaultInvalidMessage;
                return await AskAsync(context, leadId, asked + 1, retry, ct, result.Reason);
            }
            var invalid = Output("invalid", asked);
            invalid["answer"] = reply;
            invalid["reason"] = result.Reason;
            return WorkflowNodeOutcome.Next("invalid", invalid);
        }

        var answered = Output("answered", asked);
        answered["answer"] = reply;
        answered["value"] = result.Value?.DeepClone();
        answered["text"] = result.Text;
        if (BotSettings.String(context.Settings, "store_to") is { } field)
        {
            var problem = await store.StoreAsync(leadId, field, result.Value, ct);
            answered["stored"] = problem is null;
            if (problem is not null) answered["store_error"] = problem;
        }
        return WorkflowNodeOutcome.Next("answered", answered);
    }

    /// <summary>Sends the question (the <paramref name="retry"/> text before it on a re-ask) as ask number <paramref name="ask"/>, then waits for the reply.</summary>
    private async Task<WorkflowNodeOutcome> AskAsync(WorkflowNodeContext context, Guid leadId, int ask, string? retry, CancellationToken ct, string? reason = null)
    {
        var question = BotSettings.Render(context.Settings, "question", context.Scope);
        if (question is null) return WorkflowNodeOutcome.Fail("ask_whatsapp's question rendered empty.");
        var body = retry is null ? question : $"{retry}\n\n{question}";
        var options = AnswerOption.FromTitles(BotSettings.Strings(context.Settings, "options"));
        var message = new BotMessage(context.RunId, $"{context.IdempotencyKey}:ask{ask}", body, BotSettings.Uuid(context.Settings, "template_id"),
            BotSettings.Variables(context.Settings, context.Scope), BotQuestion.Interactive(body, options));
        var sent = await sender.SendAsync(leadId, message, ct);
        var output = Output("waiting", ask);
        output["message"] = sent.Output();
        if (reason is not null) output["reason"] = reason;
        if (!sent.Ok)
        {
            output["outcome"] = "not_sent"; // the question never left: nothing is awaited
            return WorkflowNodeOutcome.Fail(sent.Error!, sent.Retryable, output);
        }
        var until = time.GetUtcNow().UtcDateTime + BotSettings.Duration(context.Settings, "timeout", DefaultTimeout);
        var description = $"resposta do lead à pergunta \"{Clip(question, 60)}\"";
        return WorkflowNodeOutcome.Waiting(new WorkflowWait(until, EventTypes.WhatsAppReceived, leadId, description, new JsonObject { ["asked"] = ask }), output);
    }

    private async Task<AnswerContext> AnswerContextAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == context.TenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct);
        return new AnswerContext
        {
            Region = settings?.DefaultRegion ?? "BR", Zone = context.Scope.TimeZone, Culture = context.Scope.Culture, NowUtc = time.GetUtcNow().UtcDateTime,
            Options = AnswerOption.FromTitles(BotSettings.Strings(context.Settings, "options")),
        };
    }

    private async Task<bool> HandledByHumanAsync(Guid leadId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BotConversations.IsHandledByHumanAsync(db, leadId, ct);
    }

    private static JsonObject Output(string outcome, int asked) => new() { ["outcome"] = outcome, ["asked"] = asked };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
