using System.Text.Json;
using System.Xml;
using Quartz;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using P = SalesCrm.Core.Workflows.WorkflowProblemCodes;

namespace SalesCrm.Core.Workflows;

/// <summary>
/// A node's settings against its type's schema, then what a schema cannot say: settings that depend on another
/// (a trigger's kind, one of duration/until), and values with a grammar of their own (cron, filter, ISO 8601 durations).
/// </summary>
internal static class NodeSettingsRules
{
    public static void Check(WorkflowNode node, WorkflowNodeType type, List<WorkflowProblem> problems)
    {
        var settings = WithoutNulls(node.Settings is { ValueKind: JsonValueKind.Object } s ? s : EmptyObject);
        var found = problems.Count;
        SettingsSchemaCheck.Check(node.Id!, type, settings, problems);
        if (problems.Count > found) return; // the rules below read settings of the shape the schema promises
        var v = new Checks(node.Id!, settings, problems);
        Templates(v, settings, "");
        switch (type.Type)
        {
            case WorkflowNodeCatalog.Trigger: Trigger(v); break;
            case WorkflowNodeCatalog.Condition: Condition(v); break;
            case WorkflowNodeCatalog.Switch: Switch(v); break;
            case WorkflowNodeCatalog.Delay:
                if (v.Has("duration") == v.Has("until")) v.Missing("duration", "set either 'duration' (ISO 8601, e.g. PT48H) or 'until', not both.");
                v.Duration("duration");
                break;
            case WorkflowNodeCatalog.WaitForEvent:
                v.EventType("event_type");
                v.Duration("timeout");
                break;
            case WorkflowNodeCatalog.AskWhatsApp:
                if (v.String("answer_type") == "option" && !v.Has("options")) v.Missing("options", "an 'option' question needs 'options' (the buttons or list rows).");
                Options(v);
                v.Duration("timeout");
                break;
            case WorkflowNodeCatalog.SendWhatsApp:
                if (!v.Has("text") && !v.Has("template_id")) v.Missing("text", "set 'text' (sent inside the 24-hour window) or 'template_id'.");
                break;
            case WorkflowNodeCatalog.Handoff:
                if (v.String("rule") == "user") v.Require("user_id", "rule 'user'");
                break;
            case "assign":
                if (v.String("mode") == "user") v.Require("user_id", "mode 'user'");
                break;
            case "create_activity":
                if (v.String("assignee") == "user") v.Require("user_id", "assignee 'user'");
                v.Duration("due_in");
                break;
        }
    }

    private static readonly JsonElement EmptyObject = JsonSerializer.Deserialize<JsonElement>("{}");

    /// <summary>A null setting counts as absent (forms clear a field to null), except a compared <c>value</c>, where null is a value.</summary>
    private static JsonElement WithoutNulls(JsonElement settings)
    {
        if (!settings.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Null && p.Name != "value")) return settings;
        var kept = settings.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null || p.Name == "value").ToDictionary(p => p.Name, p => p.Value);
        return JsonSerializer.SerializeToElement(kept);
    }

    private static void Trigger(Checks v)
    {
        switch (v.String("kind"))
        {
            case TriggerKinds.Event:
                v.Require("event_type", "kind 'event'");
                v.EventType("event_type");
                if (v.String("filter") is { Length: > 0 } filter && FilterProblem(filter) is { } problem) v.Invalid("filter", problem);
                break;
            case TriggerKinds.Schedule:
                v.Require("cron", "kind 'schedule'");
                if (v.String("cron") is { } cron && CronProblem(cron) is { } cronProblem) v.Invalid("cron", cronProblem);
                break;
        }
    }

    private static void Condition(Checks v)
    {
        var value = v.Settings.GetProperty("value");
        switch (v.String("operator"))
        {
            case "in" or "cs" when value.ValueKind != JsonValueKind.Array:
                v.Invalid("value", $"operator '{v.String("operator")}' takes a list of values (a JSON array).");
                break;
            case "is" when value.ValueKind is not (JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False):
                v.Invalid("value", "operator 'is' takes null, true or false.");
                break;
        }
    }

    private static void Switch(Checks v)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var port in v.Settings.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("port").GetString()!))
        {
            if (port == WorkflowNodeCatalog.Default) v.Invalid("cases", "'default' is the port taken when no case matches; name the case otherwise.");
            else if (!seen.Add(port)) v.Invalid("cases", $"port '{port}' is used by two cases.");
        }
    }

    /// <summary>The filter grammar's complaint about a trigger filter (<c>source=eq.meta_ads&amp;value=gte.1000</c>, or/and groups), or null.</summary>
    internal static string? FilterProblem(string filter)
    {
        try
        {
            Expressions.FilterExpression.Parse(filter);
            return null;
        }
        catch (ValidationException e)
        {
            return string.Join(" ", e.Errors.SelectMany(x => x.Value.Select(m => x.Key == "filter" ? m : $"{x.Key} {m}")));
        }
    }

    /// <summary>Every string in the settings that holds a <c>{{ … }}</c> is checked as a template (<see cref="Expressions.TemplateRenderer.Check"/>), named by its path.</summary>
    private static void Templates(Checks v, JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in value.EnumerateObject()) Templates(v, p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray()) Templates(v, item, $"{path}[{i++}]");
                break;
            case JsonValueKind.String when value.GetString() is { } text && text.Contains("{{", StringComparison.Ordinal):
                foreach (var problem in Expressions.TemplateRenderer.Check(text)) v.Invalid(path, $"has a template problem: {problem}");
                break;
        }
    }

    /// <summary>
    /// Question options (<see cref="Expressions.AnswerOption"/>) must differ as a typed reply is read (<see cref="Expressions.OptionAnswer"/>:
    /// words without case, accents or punctuation), else the lead cannot choose one of them by typing it.
    /// </summary>
    private static void Options(Checks v)
    {
        if (!v.Settings.TryGetProperty("options", out var list) || list.ValueKind != JsonValueKind.Array) return;
        var titles = list.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString()!).ToList();
        var options = Expressions.AnswerOption.FromTitles(titles);
        if (options.Count < titles.Count) v.Invalid("options", "has a blank option.");
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var folded = new string(Expressions.SafeText.Fold(option.Title).Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray());
            var words = string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (words.Length == 0) words = option.Title;
            if (seen.TryGetValue(words, out var other))
            {
                v.Invalid("options", $"'{other}' and '{option.Title}' are the same answer when typed (case, accents and punctuation are ignored).");
                return;
            }
            seen[words] = option.Title;
        }
    }

    /// <summary>Quartz's complaint about a cron expression (seconds first, e.g. <c>0 0 9 ? * MON-FRI</c>), or null.</summary>
    internal static string? CronProblem(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return null;
        }
        catch (FormatException e)
        {
            return $"is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year], e.g. 0 0 9 ? * MON-FRI): {e.Message}";
        }
    }

    /// <summary>Small helpers over one node's settings that add problems named after the node and the setting.</summary>
    private sealed class Checks(string nodeId, JsonElement settings, List<WorkflowProblem> problems)
    {
        public JsonElement Settings => settings;

        public bool Has(string name) => settings.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        public string? String(string name) => settings.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        public void Missing(string name, string message) => problems.Add(new WorkflowProblem(nodeId, P.MissingSetting, $"setting '{name}': {message}"));

        public void Invalid(string name, string message) => problems.Add(new WorkflowProblem(nodeId, P.InvalidSetting, $"setting '{name}' {message}"));

        public void Require(string name, string because)
        {
            if (!Has(name)) problems.Add(new WorkflowProblem(nodeId, P.MissingSetting, $"setting '{name}' is required with {because}."));
        }

        public void Duration(string name)
        {
            if (String(name) is not { } text) return;
            try
            {
                if (XmlConvert.ToTimeSpan(text) <= TimeSpan.Zero) Invalid(name, "must be longer than zero.");
            }
            catch (FormatException)
            {
                Invalid(name, "is not an ISO 8601 duration (e.g. PT30M, PT48H, P2D).");
            }
            catch (OverflowException)
            {
                Invalid(name, "is too long.");
            }
        }

        public void EventType(string name)
        {
            if (String(name) is { } type && !EventCatalog.IsCatalog(type) && !type.StartsWith("custom.", StringComparison.Ordinal))
                Invalid(name, $"'{type}' is neither a catalog event type ({string.Join(", ", EventCatalog.Types)}) nor a custom one (custom.<name>).");
        }
    }
}
