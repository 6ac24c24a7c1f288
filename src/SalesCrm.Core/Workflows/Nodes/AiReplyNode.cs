using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Copilot;
using SalesCrm.Core.Data;
using SalesCrm.Core.Knowledge;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// <c>ai_reply</c>: answers the lead's question — <c>question</c> when set (rendered), else the triggering event's
/// <c>text</c>, else the lead's last inbound WhatsApp message — from the knowledge base through the copilot
/// (<see cref="ICopilotAssistant"/>, offline with the grounded composer). Below <c>confidence_threshold</c> (default 0.5,
/// <see cref="AnswerConfidence"/>), when the copilot only has static suggestions, or when the lead asks for a person:
/// port <c>handoff</c> (follow it with a <c>handoff</c> node). Otherwise the answer goes out on WhatsApp (as
/// <c>send_whatsapp</c> does) and port <c>answered</c>. Without a knowledge base (or no published document) the <c>fallback_text</c> is sent instead
/// (port <c>answered</c>), or without one, port <c>handoff</c>. While a person handles the conversation the run ends.
/// </summary>
public sealed class AiReplyNode(BotSender sender, IDbContextFactory<CrmDbContext> dbFactory, ICopilotAssistant? copilot = null, IKnowledgeSearch? search = null)
    : IWorkflowNodeExecutor
{
    public const double DefaultThreshold = 0.5;

    public string NodeType => WorkflowNodeCatalog.AiReply;

    public async Task<WorkflowNodeOutcome> ExecuteAsync(WorkflowNodeContext context, CancellationToken ct)
    {
        if (context.LeadId is not { } leadId) return WorkflowNodeOutcome.Fail("ai_reply needs a run about a lead.");
        string? lastInbound;
        bool hasKnowledge;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await BotConversations.IsHandledByHumanAsync(db, leadId, ct)) return WorkflowNodeOutcome.End(new JsonObject { ["outcome"] = "stopped" });
            hasKnowledge = await db.KnowledgeDocuments.AnyAsync(d => d.Status == KnowledgeDocumentStatus.Published, ct);
            lastInbound = await db.Messages.AsNoTracking().Where(m => m.LeadId == leadId && m.Direction == MessageDirection.Inbound && m.Text != null)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.StoredAt).Select(m => m.Text).FirstOrDefaultAsync(ct);
        }
        var question = BotSettings.Render(context.Settings, "question", context.Scope)
                       ?? (context.Scope.TryResolve("event.payload.text", out var e) && e is JsonValue v && v.TryGetValue<string>(out var t) && !string.IsNullOrWhiteSpace(t) ? t : null)
                       ?? lastInbound;
        if (string.IsNullOrWhiteSpace(question)) return await StaticAsync(context, leadId, "no_question", ct);
        if (HandoffDetector.IsHandoffRequest(question)) return Handoff("requested", question, null);
        if (copilot is null || search is null || !copilot.HasPlaybook || !hasKnowledge) return await StaticAsync(context, leadId, "no_knowledge", ct);

        IReadOnlyList<KnowledgeSearchHit> hits;
        try { hits = await search.SearchAsync(new KnowledgeSearchRequest(Clip(question, 500), Limit: AnswerConfidence.Passages), ct); }
        catch (Exception ex) when (ex is not OperationCanceledException) { hits = []; }
        var confidence = Math.Round(AnswerConfidence.Of(question, hits), 3);
        var threshold = BotSettings.Number(context.Settings, "confidence_threshold") ?? DefaultThreshold;
        if (confidence < threshold) return Handoff("low_confidence", question, confidence);

        SuggestResult suggested;
        try { suggested = await copilot.SuggestAsync(new SuggestInput(leadId, "free_text", Clip(question, 2000)), ct: ct); }
        catch (RateLimitedException) { return await StaticAsync(context, leadId, "rate_limited", ct); }
        if (suggested.Provider == SuggestionOrigin.Static || suggested.Suggestions.Count == 0) return Handoff("low_confidence", question, confidence);

        var answer = suggested.Suggestions[0].Text;
        var sent = await sender.SendAsync(leadId, new BotMessage(context.RunId, context.IdempotencyKey, answer), ct);
        var output = new JsonObject
        {
            ["outcome"] = "answered", ["question"] = question, ["answer"] = answer, ["confidence"] = confidence, ["source"] = Data.SnakeEnum.ToText(suggested.Provider),
            ["message"] = sent.Output(),
        };
        return sent.Ok ? WorkflowNodeOutcome.Next("answered", output) : WorkflowNodeOutcome.Fail(sent.Error!, sent.Retryable, output);
    }

    /// <summary>The configured static reply (port answered), or the hand-off port without one.</summary>
    private async Task<WorkflowNodeOutcome> StaticAsync(WorkflowNodeContext context, Guid leadId, string reason, CancellationToken ct)
    {
        if (BotSettings.Render(context.Settings, "fallback_text", context.Scope) is not { } text) return Handoff(reason, null, null);
        var sent = await sender.SendAsync(leadId, new BotMessage(context.RunId, context.IdempotencyKey, text), ct);
        var output = new JsonObject { ["outcome"] = "answered", ["answer"] = text, ["source"] = "fallback", ["reason"] = reason, ["message"] = sent.Output() };
        return sent.Ok ? WorkflowNodeOutcome.Next("answered", output) : WorkflowNodeOutcome.Fail(sent.Error!, sent.Retryable, output);
    }

    private static WorkflowNodeOutcome Handoff(string reason, string? question, double? confidence) =>
        WorkflowNodeOutcome.Next("handoff", new JsonObject { ["outcome"] = "handoff", ["reason"] = reason, ["question"] = question, ["confidence"] = confidence });

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
