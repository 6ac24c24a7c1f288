using SalesCrm.Core.Events;

namespace SalesCrm.Core.Workflows;

/// <summary>
/// The settings schema of every node type, in the subset of JSON Schema 2020-12 that the designer's form generator and
/// NJsonSchema's validator both read: type, properties, required, enum, const, minimum/maximum, minLength/maxLength,
/// pattern, format (uuid, date-time), items, minItems, additionalProperties. What a schema cannot say (one of two
/// settings, a setting only for one trigger kind, a valid cron) is checked by <see cref="NodeSettingsRules"/>.
/// </summary>
internal static class WorkflowNodeSchemas
{
    private const string Label = "\"label\": { \"type\": \"string\", \"maxLength\": 100, \"description\": \"Shown on the node instead of its type's name.\" }";
    private const string Text = "{ \"type\": \"string\", \"minLength\": 1, \"maxLength\": 4000 }";
    private const string Uuid = "{ \"type\": \"string\", \"format\": \"uuid\" }";
    private const string Duration = "{ \"type\": \"string\", \"minLength\": 2, \"maxLength\": 40, \"description\": \"ISO 8601 duration, e.g. PT48H or P2D.\" }";

    private static string EventType() =>
        $"{{ \"type\": \"string\", \"minLength\": 1, \"maxLength\": 60, \"description\": \"A catalog event type or custom.<name>.\", \"examples\": [{string.Join(", ", EventCatalog.Types.Select(t => $"\"{t}\""))}] }}";

    private static string Enum(params string[] values) => $"{{ \"type\": \"string\", \"enum\": [{string.Join(", ", values.Select(v => $"\"{v}\""))}] }}";

    private static string Object(string required, string properties) =>
        $$"""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": [{{required}}], "additionalProperties": false, "properties": { {{Label}}{{(properties.Length > 0 ? ", " : "")}}{{properties}} } }""";

    /// <summary>The operators of the filter grammar a condition can use (<c>in</c> takes an array, <c>is</c> null/true/false).</summary>
    public static readonly string[] ConditionOperators = ["eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "in", "is", "cs"];

    public static string Trigger() => Object("\"kind\"",
        $"\"kind\": {Enum([.. TriggerKinds.All])}, \"event_type\": {EventType()}, " +
        "\"filter\": { \"type\": \"string\", \"maxLength\": 2000, \"description\": \"Conditions on the event payload and the lead in the filter grammar, e.g. source=eq.meta_ads&value=gte.1000.\" }, " +
        "\"cron\": { \"type\": \"string\", \"minLength\": 1, \"maxLength\": 120, \"description\": \"Quartz cron (seconds first), in the workspace's time zone, e.g. 0 0 9 ? * MON-FRI.\" }, " +
        "\"keywords\": { \"type\": \"array\", \"items\": { \"type\": \"string\", \"minLength\": 1, \"maxLength\": 100 }, \"maxItems\": 50 }, " +
        "\"first_message_only\": { \"type\": \"boolean\", \"description\": \"inbound_message: start only on the first message of a new conversation.\" }");

    public static string Condition() => Object("\"field\", \"operator\", \"value\"",
        $"\"field\": {{ \"type\": \"string\", \"minLength\": 1, \"maxLength\": 200, \"description\": \"lead.value, lead.custom.x, event.payload.x, nodes.<id>.output.x\" }}, \"operator\": {Enum(ConditionOperators)}, \"value\": {{}}");

    public static string Switch() => Object("\"field\", \"cases\"",
        "\"field\": { \"type\": \"string\", \"minLength\": 1, \"maxLength\": 200 }, " +
        "\"cases\": { \"type\": \"array\", \"minItems\": 1, \"maxItems\": 20, \"items\": { \"type\": \"object\", \"required\": [\"port\", \"value\"], \"additionalProperties\": false, " +
        "\"properties\": { \"port\": { \"type\": \"string\", \"pattern\": \"^[a-z][a-z0-9_]{0,39}$\" }, \"value\": {} } } }");

    public static string Delay() => Object("",
        $"\"duration\": {Duration}, \"until\": {{ \"type\": \"string\", \"minLength\": 1, \"maxLength\": 200, \"description\": \"A date-time (ISO 8601) or a variable holding one.\" }}");

    public static string WaitForEvent() => Object("\"event_type\", \"timeout\"",
        $"\"event_type\": {EventType()}, \"same_lead\": {{ \"type\": \"boolean\" }}, \"timeout\": {Duration}");

    public static string AskWhatsApp() => Object("\"question\", \"answer_type\"",
        $"\"question\": {Text}, \"answer_type\": {Enum("text", "name", "email", "phone", "number", "date", "option")}, " +
        "\"options\": { \"type\": \"array\", \"minItems\": 1, \"maxItems\": 10, \"items\": { \"type\": \"string\", \"minLength\": 1, \"maxLength\": 24 } }, " +
        "\"store_to\": { \"type\": \"string\", \"maxLength\": 200, \"description\": \"lead.<field> or lead.custom.<name>\" }, " +
        $"\"max_attempts\": {{ \"type\": \"integer\", \"minimum\": 1, \"maximum\": 10 }}, \"invalid_message\": {Text}, \"timeout\": {Duration}, " +
        $"\"template_id\": {Uuid}, \"variables\": {{ \"type\": \"object\", \"additionalProperties\": {{ \"type\": \"string\" }}, \"description\": \"The approved template sent instead outside the 24-hour window.\" }}");

    public static string AiReply() => Object("",
        $"\"confidence_threshold\": {{ \"type\": \"number\", \"minimum\": 0, \"maximum\": 1 }}, \"fallback_text\": {Text}, " +
        "\"question\": { \"type\": \"string\", \"minLength\": 1, \"maxLength\": 2000, \"description\": \"What to answer; default: the triggering message, else the lead's last WhatsApp message.\" }");

    public static string Handoff() => Object("\"rule\"",
        $"\"rule\": {Enum("round_robin", "owner", "user")}, \"user_id\": {Uuid}, \"message\": {Text}, \"notify_owner\": {{ \"type\": \"boolean\" }}, " +
        "\"role\": { \"type\": \"string\", \"minLength\": 1, \"maxLength\": 100, \"description\": \"round_robin among members with this role (key or name); default sales_rep.\" }");

    public static string MoveStage() => Object("\"stage_id\"", $"\"stage_id\": {Uuid}");

    public static string Assign() => Object("\"mode\"", $"\"mode\": {Enum("round_robin", "user")}, \"user_id\": {Uuid}");

    public static string SetField() => Object("\"field\", \"value\"",
        "\"field\": { \"type\": \"string\", \"pattern\": \"^lead\\\\.(custom\\\\.[A-Za-z0-9_]{1,60}|[a-z_]{1,40})$\", \"description\": \"lead.priority, lead.custom.<name>, …\" }, \"value\": {}");

    public static string AddTag() => Object("\"tag\"", "\"tag\": { \"type\": \"string\", \"minLength\": 1, \"maxLength\": 50 }");

    public static string CreateActivity() => Object("\"title\"",
        $"\"title\": {{ \"type\": \"string\", \"minLength\": 1, \"maxLength\": 200 }}, \"activity_type\": {Enum("call", "meeting", "task", "follow_up")}, \"due_in\": {Duration}, " +
        $"\"assignee\": {Enum("owner", "user")}, \"user_id\": {Uuid}");

    public static string AddNote() => Object("\"text\"", $"\"text\": {Text}");

    public static string SendWhatsApp() => Object("",
        $"\"text\": {Text}, \"template_id\": {Uuid}, \"variables\": {{ \"type\": \"object\", \"additionalProperties\": {{ \"type\": \"string\" }} }}");

    public static string SendEmail() => Object("\"subject\", \"body\"",
        $"\"to\": {{ \"type\": \"string\", \"maxLength\": 320, \"description\": \"The lead's e-mail when absent.\" }}, \"subject\": {{ \"type\": \"string\", \"minLength\": 1, \"maxLength\": 200 }}, \"body\": {Text}");

    public static string HttpRequest() => Object("\"method\", \"url\"",
        $"\"method\": {Enum("GET", "POST", "PUT", "PATCH", "DELETE")}, \"url\": {{ \"type\": \"string\", \"minLength\": 1, \"maxLength\": 2000 }}, " +
        "\"headers\": { \"type\": \"object\", \"additionalProperties\": { \"type\": \"string\" } }, \"body\": {}, " +
        "\"timeout_seconds\": { \"type\": \"integer\", \"minimum\": 1, \"maximum\": 30 }");

    public static string EmitEvent() => Object("\"event_type\"",
        "\"event_type\": { \"type\": \"string\", \"pattern\": \"^custom\\\\.[a-z0-9_]+(\\\\.[a-z0-9_]+)*$\" }, \"payload\": { \"type\": \"object\" }");

    public static string NoSettings() => Object("", "");

    public static string CallWorkflow() => Object("\"workflow_id\"",
        $"\"workflow_id\": {Uuid}, \"input\": {{ \"type\": \"object\" }}, \"wait\": {{ \"type\": \"boolean\", \"deprecated\": true, \"description\": \"Ignored: the calling run goes on without waiting for the called one (ADR 051).\" }}");
}
