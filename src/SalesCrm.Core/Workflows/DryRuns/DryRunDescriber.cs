using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Workflows.Expressions;
using SalesCrm.Core.Workflows.Nodes;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>
/// Reads one node for a dry run. <c>condition</c> and <c>switch</c> run the engine's own executors (pure: they only read
/// the scope). Nodes that wait or call out take the port named in the answers, else their main outcome, with a note.
/// Every other node becomes a sentence; nothing is executed. Names of stages, members, templates and workflows are read.
/// </summary>
internal sealed class DryRunDescriber(CrmDbContext db, IDryRunPhrases phrases, IReadOnlyDictionary<string, string> answers)
{
    private static readonly ConditionNodeExecutor Condition = new();
    private static readonly SwitchNodeExecutor Switch = new();

    public async Task<DryRunNodeResult> DescribeAsync(WorkflowNodeContext context, JsonObject s, CancellationToken ct)
    {
        var node = context.Node;
        switch (node.Type)
        {
            case WorkflowNodeCatalog.Trigger:
                return new(WorkflowNodeCatalog.Next, phrases.Format("Trigger", Text(s, "kind")));
            case WorkflowNodeCatalog.Condition:
            {
                var outcome = await Condition.ExecuteAsync(context, ct);
                var field = Text(s, "field");
                return new(outcome.Port, phrases.Format(outcome.Port == "true" ? "ConditionTrue" : "ConditionFalse", $"{field} {Text(s, "operator")} {Show(s["value"])}"),
                    Output: outcome.Output);
            }
            case WorkflowNodeCatalog.Switch:
            {
                var outcome = await Switch.ExecuteAsync(context, ct);
                return new(outcome.Port, phrases.Format("SwitchCase", Text(s, "field"), outcome.Port), Output: outcome.Output);
            }
            case WorkflowNodeCatalog.End:
                return new(null);
            case WorkflowNodeCatalog.Delay:
                return Waiting(node, WorkflowNodeCatalog.Next, Text(s, "duration") is { Length: > 0 } d
                    ? phrases.Format("Delay", Duration(d)) : phrases.Format("DelayUntil", Text(s, "until")));
            case WorkflowNodeCatalog.WaitForEvent:
                return Waiting(node, "received", phrases.Format("WaitForEvent", Text(s, "event_type"), Duration(Text(s, "timeout") ?? "P1D")));
            case WorkflowNodeCatalog.AskWhatsApp:
                return Ask(context, s);
            case WorkflowNodeCatalog.AiReply:
                return Waiting(node, "answered", phrases.Format("AiReply"));
            case "http_request":
                return Waiting(node, WorkflowNodeCatalog.Next, phrases.Format("HttpRequest", (Text(s, "method") ?? "GET").ToUpperInvariant(), Text(s, "url")));
            default:
                return new(WorkflowNodeCatalog.Find(node.Type)?.Ports.FirstOrDefault(), Summary: await SummaryAsync(node.Type!, s, ct));
        }
    }

    private async Task<string> SummaryAsync(string type, JsonObject s, CancellationToken ct) => type switch
    {
        WorkflowNodeCatalog.Handoff => phrases.Format("Handoff"),
        "move_stage" => phrases.Format("MoveStage", await NameAsync(Id(s, "stage_id"), ids => db.Stages.Where(x => ids.Contains(x.Id)).Select(x => x.Name), ct) ?? Text(s, "stage_id")),
        "assign" when Text(s, "mode") == "round_robin" || Id(s, "user_id") is null => phrases.Format("AssignRoundRobin"),
        "assign" => phrases.Format("AssignUser", await MemberAsync(Id(s, "user_id"), ct) ?? Text(s, "user_id")),
        "set_field" => phrases.Format("SetField", Text(s, "field"), Show(s["value"])),
        "add_tag" => phrases.Format("AddTag", Text(s, "tag")),
        "create_activity" => phrases.Format("CreateActivity", Text(s, "title")),
        "add_note" => phrases.Format("AddNote", Text(s, "text") ?? Text(s, "body") ?? Text(s, "note")),
        WorkflowNodeCatalog.SendWhatsApp when Text(s, "text") is { Length: > 0 } text => phrases.Format("SendWhatsAppText", text),
        WorkflowNodeCatalog.SendWhatsApp => phrases.Format("SendWhatsAppTemplate",
            await NameAsync(Id(s, "template_id"), ids => db.MessageTemplates.Where(x => ids.Contains(x.Id)).Select(x => x.Name), ct) ?? Text(s, "template_id")),
        "send_email" => phrases.Format("SendEmail", Text(s, "to") is { Length: > 0 } to ? to : phrases.Format("LeadEmail"), Text(s, "subject")),
        "emit_event" => phrases.Format("EmitEvent", Text(s, "event_type")),
        "recalculate_score" => phrases.Format("RecalculateScore"),
        "call_workflow" => phrases.Format("CallWorkflow",
            await NameAsync(Id(s, "workflow_id"), ids => db.Workflows.Where(x => ids.Contains(x.Id)).Select(x => x.Name), ct) ?? Text(s, "workflow_id")),
        _ => phrases.Format("Unknown", type),
    };

    /// <summary>A node that waits or calls out: the answered port when the answers name one, else <paramref name="main"/>.</summary>
    private DryRunNodeResult Waiting(WorkflowNode node, string main, string summary)
    {
        var ports = WorkflowNodeCatalog.Find(node.Type)?.Ports ?? [];
        return answers.TryGetValue(node.Id!, out var answer) && ports.Contains(answer)
            ? new(answer, phrases.Format("Assumed", answer), summary)
            : new(main, ports.Count > 1 ? phrases.Format("AssumedDefault", main) : null, summary);
    }

    /// <summary>ask_whatsapp: a port from the answers, or a reply validated as the node's answer type (stored as its output), or "answered".</summary>
    private DryRunNodeResult Ask(WorkflowNodeContext context, JsonObject s)
    {
        var node = context.Node;
        var summary = phrases.Format("AskWhatsApp", Text(s, "question"));
        var type = AnswerValidator.ParseType(Text(s, "answer_type")) ?? AnswerType.Text;
        if (!answers.ContainsKey(node.Id!) && SampleReply(context, type) is { } sample)
            return new("answered", phrases.Format("AssumedReply", sample), summary, new JsonObject { ["outcome"] = "answered", ["answer"] = sample, ["value"] = sample });
        if (!answers.TryGetValue(node.Id!, out var reply) || (WorkflowNodeCatalog.Find(node.Type)?.Ports.Contains(reply) ?? false))
            return Waiting(node, "answered", summary);
        var result = AnswerValidator.Validate(type, reply, new AnswerContext
        {
            Zone = context.Scope.TimeZone, Culture = context.Scope.Culture, NowUtc = context.Scope.Time.GetUtcNow().UtcDateTime,
            Options = AnswerOption.FromTitles(BotSettings.Strings(context.Settings, "options")),
        });
        return result.IsValid
            ? new("answered", phrases.Format("ReplyValid", reply), summary, new JsonObject { ["outcome"] = "answered", ["answer"] = reply, ["value"] = result.Value?.DeepClone() })
            : new("invalid", phrases.Format("ReplyInvalid", reply, result.Reason), summary, new JsonObject { ["outcome"] = "invalid", ["answer"] = reply });
    }

    /// <summary>
    /// The reply assumed when the answers give none, so later steps that quote it read something: the lead's own name,
    /// e-mail or phone for those answer types, a marked placeholder for free text; null for numbers, dates and options
    /// (no guess would be honest; the later steps see no value).
    /// </summary>
    private string? SampleReply(WorkflowNodeContext context, AnswerType type)
    {
        string? Lead(string field) => context.Scope.TryResolve($"lead.{field}", out var v) && ScopeValues.Text(v) is { Length: > 0 } text ? text : null;
        return type switch
        {
            AnswerType.Name => Lead("name"),
            AnswerType.Email => Lead("email"),
            AnswerType.Phone => Lead("phone"),
            AnswerType.Text => phrases.Format("SampleReply", context.Node.Id),
            _ => null,
        };
    }

    private string Duration(string iso)
    {
        TimeSpan span;
        try { span = XmlConvert.ToTimeSpan(iso); }
        catch (FormatException) { return iso; }
        static bool Whole(double v) => Math.Abs(v - Math.Round(v)) < 1e-9;
        if (span.TotalDays >= 1 && Whole(span.TotalDays)) return span.TotalDays == 1 ? phrases.Format("Day1") : phrases.Format("Days", (int)span.TotalDays);
        if (span.TotalHours >= 1 && Whole(span.TotalHours)) return span.TotalHours == 1 ? phrases.Format("Hour1") : phrases.Format("Hours", (int)span.TotalHours);
        return span.TotalMinutes == 1 ? phrases.Format("Minute1") : phrases.Format("Minutes", (int)Math.Round(span.TotalMinutes));
    }

    private async Task<string?> NameAsync(Guid? id, Func<List<Guid>, IQueryable<string>> query, CancellationToken ct) =>
        id is { } value ? await query([value]).FirstOrDefaultAsync(ct) : null;

    private async Task<string?> MemberAsync(Guid? id, CancellationToken ct) =>
        id is { } value ? await db.Memberships.Where(m => m.UserId == value).Select(m => m.User!.Name).FirstOrDefaultAsync(ct) : null;

    private static Guid? Id(JsonObject s, string name) => Guid.TryParse(Text(s, name), out var id) ? id : null;

    private static string? Text(JsonObject s, string name) => s[name] is JsonNode v ? Show(v) : null;

    private static string Show(JsonNode? v) => v is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : v?.ToJsonString() ?? "null";
}
