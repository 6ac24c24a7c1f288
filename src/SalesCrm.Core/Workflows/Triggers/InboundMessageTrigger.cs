using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Triggers;

/// <summary>
/// The <c>inbound_message</c> trigger, on every committed <c>whatsapp.received</c>: an active workflow whose published
/// version has such a trigger starts a run for the lead when the message contains one of the trigger's
/// <c>keywords</c> (<see cref="InboundKeywords"/>) or is the first message of a new conversation (nothing written either
/// way in the <see cref="ConversationGap"/> before it); with <c>first_message_only</c> only the first message counts
/// (and must also hold a keyword when keywords are set). Nothing starts while a person handles the conversation (a
/// member wrote to the lead within the gap) or while a run of any workflow is waiting for that lead (a bot is talking).
/// The run's input is <c>{ message_id, text, type, keyword?, first_message }</c>.
/// </summary>
public sealed class InboundMessageTrigger(IWorkflowRunStarter starter) : IEventSubscriber
{
    /// <summary>The silence after which a message opens a new conversation: WhatsApp's customer-service window.</summary>
    public static readonly TimeSpan ConversationGap = TimeSpan.FromHours(24);

    private readonly Dictionary<Guid, List<(Guid WorkflowId, IReadOnlyList<JsonElement> Triggers)>> _workflows = [];
    private CrmDbContext? _batch;

    public async Task HandleAsync(CrmDbContext db, CrmEvent e, CancellationToken ct)
    {
        if (e.Type != EventTypes.WhatsAppReceived || e.LeadId is not { } leadId) return;
        if (_batch != db)
        {
            _batch = db;
            _workflows.Clear();
        }
        if (!_workflows.TryGetValue(e.TenantId, out var workflows)) _workflows[e.TenantId] = workflows = await LoadAsync(db, e.TenantId, ct);
        if (workflows.Count == 0) return;

        var payload = JsonNode.Parse(e.Payload) as JsonObject ?? [];
        var text = payload["text"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        Guid? messageId = Guid.TryParse(payload["message_id"]?.ToString(), out var m) ? m : null;
        var first = await IsFirstOfConversationAsync(db, e.TenantId, leadId, messageId, e.OccurredAt, ct);
        var started = false;
        foreach (var (workflowId, triggers) in workflows)
        {
            var match = triggers.Select(s => Match(s, text, first)).FirstOrDefault(x => x.Matches);
            if (!match.Matches) continue;
            // Asked only when something would start: most messages match nothing.
            if (!started && await BusyAsync(db, e.TenantId, leadId, e.OccurredAt, ct)) return;
            started = true;
            var input = new JsonObject
            {
                ["message_id"] = messageId?.ToString(), ["text"] = text, ["type"] = payload["type"]?.DeepClone(), ["first_message"] = first,
            };
            if (match.Keyword is not null) input["keyword"] = match.Keyword;
            await starter.EnqueueAsync(db, new WorkflowStartRequest(e.TenantId, workflowId, TriggerKinds.InboundMessage, leadId, input, e.Id, e.Type, payload.DeepClone(),
                Guid.TryParse(e.CorrelationId, out var correlation) ? correlation : e.Id), ct);
        }
    }

    /// <summary>Whether one trigger's settings start a run for this message, and the keyword that matched.</summary>
    public static (bool Matches, string? Keyword) Match(JsonElement settings, string? text, bool firstOfConversation)
    {
        var keywords = settings.TryGetProperty("keywords", out var k) && k.ValueKind == JsonValueKind.Array
            ? k.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        var firstOnly = settings.TryGetProperty("first_message_only", out var f) && f.ValueKind == JsonValueKind.True;
        var keyword = keywords.Count > 0 ? InboundKeywords.FirstMatch(text, keywords) : null;
        if (firstOnly) return (firstOfConversation && (keywords.Count == 0 || keyword is not null), keyword);
        return (keyword is not null || firstOfConversation, keyword);
    }

    private static async Task<List<(Guid, IReadOnlyList<JsonElement>)>> LoadAsync(CrmDbContext db, Guid tenantId, CancellationToken ct)
    {
        var graphs = await db.Workflows.IgnoreQueryFilters().AsNoTracking().Where(w => w.TenantId == tenantId && w.IsActive && w.Version > 0)
            .Join(db.WorkflowVersions.IgnoreQueryFilters(), w => new { w.Id, w.Version }, v => new { Id = v.WorkflowId, v.Version }, (w, v) => new { w.Id, v.Graph })
            .ToListAsync(ct);
        return graphs.Select(g => (g.Id, WorkflowTriggerNodes.Of(g.Graph, TriggerKinds.InboundMessage)))
            .Where(g => g.Item2.Count > 0).ToList();
    }

    private static async Task<bool> IsFirstOfConversationAsync(CrmDbContext db, Guid tenantId, Guid leadId, Guid? messageId, DateTime at, CancellationToken ct)
    {
        var since = at - ConversationGap;
        return !await db.Messages.IgnoreQueryFilters()
            .AnyAsync(x => x.TenantId == tenantId && x.LeadId == leadId && x.Id != messageId && x.StoredAt >= since && x.StoredAt <= at, ct);
    }

    /// <summary>A member wrote to the lead lately, the conversation is handed off to a person, or a run waits for the lead (e.g. a bot question).</summary>
    private static async Task<bool> BusyAsync(CrmDbContext db, Guid tenantId, Guid leadId, DateTime at, CancellationToken ct)
    {
        var since = at - ConversationGap;
        if (await db.Messages.IgnoreQueryFilters().AnyAsync(x => x.TenantId == tenantId && x.LeadId == leadId && x.Direction == MessageDirection.Outbound
                && x.AuthorId != null && x.StoredAt >= since, ct)) return true;
        // A person took the conversation over (a hand-off the bot must respect until it is released).
        if (await db.ConversationHandoffs.IgnoreQueryFilters().AnyAsync(h => h.TenantId == tenantId && h.LeadId == leadId && h.ReleasedAt == null, ct)) return true;
        return await db.Set<WorkflowRun>().IgnoreQueryFilters()
            .AnyAsync(r => r.TenantId == tenantId && r.LeadId == leadId && r.Status == WorkflowRunStatuses.Waiting, ct);
    }
}
