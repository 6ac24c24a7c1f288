using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Events;

public sealed record EventSchemaDto(string Type, string Description, JsonElement Schema);

/// <summary>
/// The catalogue of event types with a JSON schema each. Catalog events (emitted by the CRM or by integrators) must
/// match their schema; integrators may also emit custom types (<c>custom.*</c>) whose payload is any JSON object.
/// </summary>
public static partial class EventCatalog
{
    private const string Uuid = """{ "type": "string", "format": "uuid" }""";
    private const string NullableUuid = """{ "type": ["string", "null"], "format": "uuid" }""";

    private static string Object(string required, string properties) =>
        $$"""{ "type": "object", "required": [{{required}}], "properties": { {{properties}} } }""";

    private static string WorkflowRun() => Object("\"run_id\", \"workflow_id\", \"status\"",
        $"\"run_id\": {Uuid}, \"workflow_id\": {Uuid}, \"version\": {{ \"type\": \"integer\" }}, \"lead_id\": {NullableUuid}, \"status\": {{ \"type\": \"string\" }}, " +
        $"\"sub_status\": {{ \"type\": [\"string\", \"null\"] }}, \"error\": {{ \"type\": [\"string\", \"null\"] }}, \"incident_count\": {{ \"type\": \"integer\", \"minimum\": 0 }}");

    private static readonly (string Type, string Description, string Schema)[] Definitions =
    [
        (EventTypes.LeadCreated, "A lead was created (manually, by import, API or webhook).",
            Object("\"lead_id\", \"name\"", $"\"lead_id\": {Uuid}, \"name\": {{ \"type\": \"string\", \"minLength\": 1 }}, \"stage_id\": {Uuid}, \"owner_id\": {NullableUuid}, \"source\": {{ \"type\": \"string\" }}")),
        (EventTypes.LeadUpdated, "Lead fields changed.", Object("\"lead_id\"", $"\"lead_id\": {Uuid}, \"changes\": {{ \"type\": \"object\" }}")),
        (EventTypes.LeadStageChanged, "A lead moved to another stage or position.",
            Object("\"lead_id\", \"from_stage_id\", \"to_stage_id\"", $"\"lead_id\": {Uuid}, \"from_stage_id\": {Uuid}, \"to_stage_id\": {Uuid}, \"position\": {{ \"type\": \"integer\", \"minimum\": 0 }}, \"version\": {{ \"type\": \"integer\" }}")),
        (EventTypes.LeadAssigned, "A lead's owner changed.", Object("\"lead_id\"", $"\"lead_id\": {Uuid}, \"owner_id\": {NullableUuid}, \"previous_owner_id\": {NullableUuid}")),
        (EventTypes.LeadMerged, "Another lead was merged into this one.", Object("\"lead_id\", \"merged_lead_id\"", $"\"lead_id\": {Uuid}, \"merged_lead_id\": {Uuid}")),
        (EventTypes.LeadDeleted, "A lead was deleted.", Object("\"lead_id\"", $"\"lead_id\": {Uuid}")),
        (EventTypes.DealWon, "A deal reached a won stage.", Object("\"lead_id\"", $"\"lead_id\": {Uuid}, \"value\": {{ \"type\": \"number\", \"minimum\": 0 }}, \"currency\": {{ \"type\": \"string\", \"pattern\": \"^[A-Z]{{3}}$\" }}")),
        (EventTypes.DealLost, "A deal reached a lost stage.", Object("\"lead_id\"", $"\"lead_id\": {Uuid}, \"lost_reason\": {{ \"type\": [\"string\", \"null\"] }}")),
        (EventTypes.InteractionCreated, "A timeline entry was added.", Object("\"lead_id\", \"type\"", $"\"lead_id\": {Uuid}, \"interaction_id\": {Uuid}, \"type\": {{ \"type\": \"string\" }}, \"text\": {{ \"type\": [\"string\", \"null\"] }}")),
        (EventTypes.CallCompleted, "A call was logged.", Object("\"lead_id\"", $"\"lead_id\": {Uuid}, \"duration_seconds\": {{ \"type\": [\"integer\", \"null\"], \"minimum\": 0 }}, \"outcome\": {{ \"type\": [\"string\", \"null\"] }}")),
        ("email.sent", "An email was sent to a lead.", Object("\"lead_id\", \"to\"", $"\"lead_id\": {Uuid}, \"to\": {{ \"type\": \"string\", \"format\": \"email\" }}, \"subject\": {{ \"type\": \"string\" }}")),
        ("whatsapp.sent", "A WhatsApp message was sent to a lead.", Object("\"lead_id\", \"message_id\"", $"\"lead_id\": {Uuid}, \"message_id\": {Uuid}, \"provider_message_id\": {{ \"type\": [\"string\", \"null\"] }}")),
        ("whatsapp.received", "A WhatsApp message arrived from a lead.", Object("\"lead_id\", \"message_id\"", $"\"lead_id\": {Uuid}, \"message_id\": {Uuid}, \"type\": {{ \"type\": \"string\" }}, \"text\": {{ \"type\": [\"string\", \"null\"] }}")),
        ("visit.scheduled", "A visit was scheduled.", Object("\"lead_id\", \"scheduled_at\"", $"\"lead_id\": {Uuid}, \"scheduled_at\": {{ \"type\": \"string\", \"format\": \"date-time\" }}, \"address\": {{ \"type\": \"string\" }}")),
        (EventTypes.VisitCompleted, "A visit happened.", Object("\"lead_id\"", $"\"lead_id\": {Uuid}, \"duration_seconds\": {{ \"type\": [\"integer\", \"null\"] }}, \"outcome\": {{ \"type\": [\"string\", \"null\"] }}")),
        (EventTypes.MeetingCompleted, "A meeting happened.", Object("\"lead_id\"", $"\"lead_id\": {Uuid}, \"duration_seconds\": {{ \"type\": [\"integer\", \"null\"] }}, \"outcome\": {{ \"type\": [\"string\", \"null\"] }}")),
        (EventTypes.ProposalSent, "A proposal was sent.", Object("\"lead_id\"", $"\"lead_id\": {Uuid}, \"value\": {{ \"type\": \"number\", \"minimum\": 0 }}, \"url\": {{ \"type\": \"string\", \"format\": \"uri\" }}")),
        (EventTypes.QuizCompleted, "A quiz was completed: a member's knowledge-base quiz (quiz_id, user_id, correct of total; passed earns points) or an integrator's lead quiz.",
            Object("\"quiz_id\", \"score\"", $"\"lead_id\": {NullableUuid}, \"quiz_id\": {{ \"type\": \"string\" }}, \"user_id\": {NullableUuid}, \"score\": {{ \"type\": \"number\" }}, \"correct\": {{ \"type\": \"integer\", \"minimum\": 0 }}, \"total\": {{ \"type\": \"integer\", \"minimum\": 0 }}, \"passed\": {{ \"type\": \"boolean\" }}, \"answers\": {{ \"type\": \"object\" }}")),
        (EventTypes.MissionCompleted, "A sales rep completed a gamification mission (once per rep, mission and period).",
            Object("\"mission_id\", \"user_id\"", $"\"mission_id\": {{ \"type\": \"string\" }}, \"user_id\": {Uuid}, \"points\": {{ \"type\": \"integer\" }}, \"title\": {{ \"type\": \"string\" }}, \"period_start\": {{ \"type\": \"string\", \"format\": \"date\" }}")),
        (EventTypes.CheckInCreated, "A member checked in at a lead's place (geo-tagged visit).",
            Object("\"lead_id\", \"checkin_id\"", $"\"lead_id\": {Uuid}, \"checkin_id\": {Uuid}, \"user_id\": {NullableUuid}, \"lat\": {{ \"type\": \"number\", \"minimum\": -90, \"maximum\": 90 }}, \"long\": {{ \"type\": \"number\", \"minimum\": -180, \"maximum\": 180 }}, \"accuracy_m\": {{ \"type\": \"number\" }}")),
        ("workflow.started", "A workflow run started (by an event, by hand, a schedule, a webhook or a message).", WorkflowRun()),
        ("workflow.completed", "A workflow run completed.", WorkflowRun()),
        ("workflow.failed", "A workflow run failed with an incident (a step failed after its retries, or the loop guard stopped it).", WorkflowRun()),
        (EventTypes.InsightCritical, "An insight of priority critical was found (e.g. many hot leads without a reply); its texts in the workspace's language (culture).",
            Object("\"insight_id\", \"kind\", \"title\", \"priority\"", $"\"insight_id\": {Uuid}, \"kind\": {{ \"type\": \"string\" }}, \"title\": {{ \"type\": \"string\" }}, \"description\": {{ \"type\": \"string\" }}, \"recommendation\": {{ \"type\": \"string\" }}, \"culture\": {{ \"enum\": [\"pt-BR\", \"en\"] }}, \"priority\": {{ \"enum\": [\"critical\"] }}, \"confidence\": {{ \"type\": \"number\", \"minimum\": 0, \"maximum\": 1 }}, \"subject_user_id\": {NullableUuid}, \"evidence\": {{ \"type\": \"object\" }}")),
    ];

    private static readonly FrozenDictionary<string, (string Description, JsonSchema Schema, string Json)> Schemas =
        Definitions.ToFrozenDictionary(d => d.Type, d => (d.Description, JsonSchema.FromJsonAsync(d.Schema).GetAwaiter().GetResult(), d.Schema));

    public static IReadOnlyList<string> Types { get; } = Definitions.Select(d => d.Type).ToList();

    public static bool IsCatalog(string type) => Schemas.ContainsKey(type);

    public static IReadOnlyList<EventSchemaDto> List() =>
        Definitions.Select(d => new EventSchemaDto(d.Type, d.Description, JsonSerializer.Deserialize<JsonElement>(d.Schema))).ToList();

    /// <summary>Validates an event; errors are keyed <c>payload.path</c> so a client sees exactly what failed.</summary>
    public static void Validate(string? type, JsonElement? payload)
    {
        var v = new Validator();
        if (string.IsNullOrWhiteSpace(type)) v.Add("type", "is required.");
        else if (!IsCatalog(type) && !CustomType().IsMatch(type))
            v.Add("type", $"'{type}' is neither a catalog event ({string.Join(", ", Types)}) nor a custom one (custom.<name>).");
        if (payload is not { ValueKind: JsonValueKind.Object }) v.Add("payload", "must be a JSON object.");
        v.ThrowIfInvalid();
        if (!Schemas.TryGetValue(type!, out var entry)) return;
        foreach (var error in entry.Schema.Validate(payload!.Value.GetRawText()))
        {
            var path = string.IsNullOrEmpty(error.Path) ? "" : error.Path.TrimStart('#', '/').Replace('/', '.');
            var field = string.IsNullOrEmpty(error.Property) || path.EndsWith(error.Property, StringComparison.Ordinal) ? path : (path.Length == 0 ? error.Property : $"{path}.{error.Property}");
            v.Add(field.Length == 0 ? "payload" : $"payload.{field}", Describe(error));
        }
        v.ThrowIfInvalid();
    }

    /// <summary>A schema violation in the words of the API's other validation messages ("is required.", "must be a number.").</summary>
    internal static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => "is required.",
        ValidationErrorKind.StringExpected => "must be a string.",
        ValidationErrorKind.NumberExpected => "must be a number.",
        ValidationErrorKind.IntegerExpected => "must be an integer.",
        ValidationErrorKind.BooleanExpected => "must be true or false.",
        ValidationErrorKind.ObjectExpected => "must be a JSON object.",
        ValidationErrorKind.ArrayExpected => "must be a JSON array.",
        ValidationErrorKind.GuidExpected => "must be a UUID.",
        ValidationErrorKind.DateTimeExpected => "must be a date-time (ISO 8601, e.g. 2026-11-26T13:00:00Z).",
        ValidationErrorKind.NotInEnumeration when error.Schema?.Enumeration is { Count: > 0 } values =>
            $"must be one of {string.Join(", ", values.Select(e => e?.ToString()))}.",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => "is not allowed here.",
        _ => $"does not match the schema ({error.Kind}).",
    };

    [GeneratedRegex("^custom\\.[a-z0-9_]+(\\.[a-z0-9_]+)*$")]
    private static partial Regex CustomType();
}
