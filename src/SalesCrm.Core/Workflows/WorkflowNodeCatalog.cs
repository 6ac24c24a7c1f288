using System.Collections.Frozen;
using System.Text.Json;
using Json.Schema;
using S = SalesCrm.Core.Workflows.WorkflowNodeSchemas;
using K = SalesCrm.Core.Workflows.WorkflowNodeKinds;

namespace SalesCrm.Core.Workflows;

/// <summary>Every node type a graph may use, with its ports and settings schema (ADR 050).</summary>
public static class WorkflowNodeCatalog
{
    public const string Trigger = "trigger";
    public const string Condition = "condition";
    public const string Switch = "switch";
    public const string Delay = "delay";
    public const string WaitForEvent = "wait_for_event";
    public const string AskWhatsApp = "ask_whatsapp";
    public const string AiReply = "ai_reply";
    public const string Handoff = "handoff";
    public const string SendWhatsApp = "send_whatsapp";
    public const string End = "end";

    /// <summary>The port every node without named outcomes continues on.</summary>
    public const string Next = "next";
    /// <summary>The port a switch takes when no case matches.</summary>
    public const string Default = "default";

    private static readonly string[] NextOnly = [Next];

    private static readonly (string Type, string Kind, string Description, string[] Ports, string[] Required, string Schema)[] Definitions =
    [
        (Trigger, K.Triggers, "Starts a run: on an event, a schedule, by hand, by a webhook call or on an inbound WhatsApp message.", NextOnly, [Next], S.Trigger()),
        (Condition, K.Logic, "If/else on a field with a filter-grammar operator.", ["true", "false"], ["true"], S.Condition()),
        (Switch, K.Logic, "Takes the port of the first case whose value equals the field, else 'default'.", [Default], [], S.Switch()),
        (Delay, K.Logic, "Waits for a duration or until a time (durable).", NextOnly, [], S.Delay()),
        (WaitForEvent, K.Logic, "Waits for an event (e.g. whatsapp.received from the same lead), or times out.", ["received", "timeout"], [], S.WaitForEvent()),
        (AskWhatsApp, K.WhatsApp, "Asks a question on WhatsApp, validates the reply by type and stores it; re-asks on an invalid reply.", ["answered", "timeout", "invalid"], [], S.AskWhatsApp()),
        (AiReply, K.Ai, "Answers the lead from the knowledge base, or hands off below the confidence threshold.", ["answered", "handoff"], [], S.AiReply()),
        (Handoff, K.WhatsApp, "Hands the conversation to a person and stops the bot for it.", NextOnly, [], S.Handoff()),
        ("move_stage", K.Crm, "Moves the lead to a stage.", NextOnly, [], S.MoveStage()),
        ("assign", K.Crm, "Assigns the lead to a member or by round robin.", NextOnly, [], S.Assign()),
        ("set_field", K.Crm, "Sets a lead field or custom field.", NextOnly, [], S.SetField()),
        ("add_tag", K.Crm, "Adds a tag to the lead.", NextOnly, [], S.AddTag()),
        ("create_activity", K.Crm, "Creates a task, call, meeting or follow-up.", NextOnly, [], S.CreateActivity()),
        ("add_note", K.Crm, "Adds a note to the lead's timeline.", NextOnly, [], S.AddNote()),
        (SendWhatsApp, K.WhatsApp, "Sends a WhatsApp text inside the 24-hour window, else a template.", NextOnly, [], S.SendWhatsApp()),
        ("send_email", K.Integrations, "Sends an e-mail.", NextOnly, [], S.SendEmail()),
        ("http_request", K.Integrations, "Calls an outside URL (outbound-webhook SSRF rules, retries).", [Next, "failed"], [], S.HttpRequest()),
        ("emit_event", K.Integrations, "Emits a custom event.", NextOnly, [], S.EmitEvent()),
        ("recalculate_score", K.Crm, "Recalculates the lead's score.", NextOnly, [], S.NoSettings()),
        ("call_workflow", K.Logic, "Runs another workflow.", NextOnly, [], S.CallWorkflow()),
        (End, K.Logic, "Ends the run.", [], [], S.NoSettings()),
    ];

    /// <summary>Node types a run may rest on: a cycle through one of them pauses instead of spinning.</summary>
    private static readonly FrozenSet<string> WaitingTypes = new[] { Delay, WaitForEvent, AskWhatsApp }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (WorkflowNodeType Type, JsonSchema Schema)> Entries = Definitions.ToFrozenDictionary(
        d => d.Type,
        d => (new WorkflowNodeType(d.Type, d.Kind, d.Description, d.Ports, d.Required, d.Type == Switch, WaitingTypes.Contains(d.Type),
                JsonSerializer.Deserialize<JsonElement>(d.Schema)),
            JsonSchema.FromText(d.Schema)),
        StringComparer.Ordinal);

    public static IReadOnlyList<WorkflowNodeType> List() => Definitions.Select(d => Entries[d.Type].Type).ToList();

    public static WorkflowNodeType? Find(string? type) => type is not null && Entries.TryGetValue(type, out var e) ? e.Type : null;

    internal static JsonSchema SchemaOf(string type) => Entries[type].Schema;
}
