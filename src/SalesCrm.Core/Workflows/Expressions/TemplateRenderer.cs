using System.Text;
using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// Renders message templates such as <c>Olá {{lead.name | first_name}}, sua conta de {{lead.custom.energy_bill | money}}</c>.
/// It is string substitution: each <c>{{ path | filter: "arg" }}</c> is a <see cref="ScopePath"/> read followed by
/// filters from <see cref="TemplateFilters"/>; nothing is compiled or invoked, and substituted values are never scanned
/// again (a lead named <c>{{run.input.secret}}</c> is printed as that text). An unknown path renders as empty text
/// with a warning; text that is not a well-formed <c>{{ … }}</c> (a lone <c>{{</c>, <c>}}</c> or an unclosed tag) is
/// copied as it is. Never throws on any template text.
/// </summary>
public static class TemplateRenderer
{
    /// <summary>The default cap on the rendered text, in characters: WhatsApp's limit for a text message body.</summary>
    public const int DefaultMaxOutputLength = 4096;

    /// <summary>The longest template read, in characters; the rest is dropped with a warning.</summary>
    public const int MaxTemplateLength = 20_000;

    /// <summary>The longest text between <c>{{</c> and <c>}}</c> taken as an expression; longer is copied literally.</summary>
    public const int MaxExpressionLength = 300;

    /// <summary>How many expressions a template may hold; later ones are copied literally with a warning.</summary>
    public const int MaxExpressions = 200;

    private const int MaxWarnings = 20;

    /// <summary>
    /// Renders <paramref name="template"/> against <paramref name="scope"/>. The result is at most
    /// <paramref name="maxOutputLength"/> characters (default <see cref="DefaultMaxOutputLength"/>; clamped to 1–100 000),
    /// cut with <see cref="TemplateResult.Truncated"/> set. Null or empty templates render as empty text.
    /// </summary>
    public static TemplateResult Render(string? template, WorkflowScope scope, int maxOutputLength = DefaultMaxOutputLength)
    {
        var warnings = new List<string>();
        var limit = Math.Clamp(maxOutputLength, 1, 100_000);
        if (string.IsNullOrEmpty(template)) return new("", warnings, false);
        var source = template;
        if (source.Length > MaxTemplateLength)
        {
            source = source[..MaxTemplateLength];
            Warn(warnings, $"The template is longer than {MaxTemplateLength} characters; the rest was ignored.");
        }

        var output = Scan(source, limit, warnings, expression => Evaluate(expression, scope, warnings));

        var truncated = output.Length > limit;
        if (truncated)
        {
            output.Length = limit;
            // Do not leave half of a surrogate pair (an emoji) at the cut.
            if (char.IsHighSurrogate(output[^1])) output.Length--;
            Warn(warnings, $"The text was cut at {limit} characters.");
        }
        return new(output.ToString(), warnings, truncated);
    }

    /// <summary>
    /// The problems of a template found without running it, for the check when a definition is saved: unterminated
    /// quotes, tags that are not a path, paths outside <see cref="Roots"/>, unknown filters, over-long tags or templates.
    /// Empty when the template is fine. Never throws.
    /// </summary>
    public static IReadOnlyList<string> Check(string? template)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(template)) return problems;
        if (template.Length > MaxTemplateLength) Warn(problems, $"The template is longer than {MaxTemplateLength} characters.");
        var source = template.Length > MaxTemplateLength ? template[..MaxTemplateLength] : template;
        Scan(source, 100_000, problems, expression =>
        {
            var parts = SplitPipes(expression);
            if (parts is null) { Warn(problems, $"'{Shorten(expression)}' has an unterminated quote."); return ""; }
            var path = parts[0].Trim();
            if (ScopePath.TryParse(path) is not { } segments) Warn(problems, $"'{Shorten(path)}' is not a variable path.");
            else if (!Roots.Contains((string)segments[0])) Warn(problems, $"'{Shorten(path)}' does not start with {string.Join(", ", Roots)}.");
            foreach (var filter in parts.Skip(1))
            {
                var colon = filter.IndexOf(':');
                var name = (colon < 0 ? filter : filter[..colon]).Trim();
                if (!TemplateFilters.Names.Contains(name)) Warn(problems, $"Unknown filter '{Shorten(name)}'; use {string.Join(", ", TemplateFilters.Names)}.");
            }
            return "";
        });
        return problems;
    }

    /// <summary>The first segment of every variable path: what a run's scope holds.</summary>
    public static readonly IReadOnlyList<string> Roots = ["lead", "event", "nodes", "run", "workspace"];

    /// <summary>Copies text and replaces each well-formed tag with <paramref name="evaluate"/>'s result, stopping past <paramref name="limit"/>.</summary>
    private static StringBuilder Scan(string source, int limit, List<string> warnings, Func<string, string> evaluate)
    {
        var output = new StringBuilder(Math.Min(source.Length, limit));
        var expressions = 0;
        var i = 0;
        while (i < source.Length && output.Length <= limit)
        {
            var open = source.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0) { output.Append(source, i, source.Length - i); break; }
            var close = FindClose(source, open + 2);
            if (close < 0) { output.Append(source, i, source.Length - i); break; }
            // "{{ a {{lead.name}}": the tag is the innermost one; what comes before it is text.
            var inner = source.LastIndexOf("{{", close - 1, close - open, StringComparison.Ordinal);
            if (inner > open && source.IndexOfAny(['"', '\''], open, close - open) < 0) open = inner;
            output.Append(source, i, open - i);
            var expression = source.Substring(open + 2, close - open - 2);
            i = close + 2;
            if (expression.Length > MaxExpressionLength || ++expressions > MaxExpressions)
            {
                Warn(warnings, expressions > MaxExpressions ? $"More than {MaxExpressions} expressions; the rest were copied as text." : "An expression longer than 300 characters was copied as text.");
                output.Append(source, open, close + 2 - open);
                continue;
            }
            output.Append(evaluate(expression));
        }
        return output;
    }

    /// <summary>
    /// Renders the strings inside a JSON setting (an HTTP request body, a <c>set_field</c> value), returning a new tree.
    /// A string that is exactly one tag (<c>"{{nodes.ask_1.output.answer}}"</c>) becomes the value itself with its JSON
    /// type (a number stays a number, a list a list; a missing path is null); any other string is rendered as text
    /// (each at most <paramref name="maxOutputLength"/> characters). Property names are not rendered; parts nested
    /// deeper than 32 levels are copied as they are. Problems are added to <paramref name="warnings"/>. Never throws.
    /// </summary>
    public static JsonNode? RenderValue(JsonNode? value, WorkflowScope scope, List<string>? warnings = null, int maxOutputLength = DefaultMaxOutputLength) =>
        RenderValue(value, scope, warnings ?? [], maxOutputLength, depth: 0);

    private static JsonNode? RenderValue(JsonNode? value, WorkflowScope scope, List<string> warnings, int maxOutputLength, int depth)
    {
        if (depth > 32) return value?.DeepClone();
        switch (value)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, child) in obj) copy[key] = RenderValue(child, scope, warnings, maxOutputLength, depth + 1);
                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array) items.Add(RenderValue(item, scope, warnings, maxOutputLength, depth + 1));
                return items;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var text = ScopeValues.StringOf(v);
                var trimmed = text.Trim();
                if (trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal) && trimmed.Length <= MaxExpressionLength + 4
                    && trimmed.IndexOf("{{", 2, StringComparison.Ordinal) < 0 && FindClose(trimmed, 2) == trimmed.Length - 2)
                    return EvaluateNode(trimmed[2..^2], scope, warnings)?.DeepClone();
                var rendered = Render(text, scope, maxOutputLength);
                foreach (var warning in rendered.Warnings) Warn(warnings, warning);
                return JsonValue.Create(rendered.Text);
            default:
                return value?.DeepClone();
        }
    }

    private static string Evaluate(string expression, WorkflowScope scope, List<string> warnings) =>
        TemplateFilters.Display(EvaluateNode(expression, scope, warnings), scope.Culture);

    private static JsonNode? EvaluateNode(string expression, WorkflowScope scope, List<string> warnings)
    {
        var parts = SplitPipes(expression);
        if (parts is null) { Warn(warnings, $"'{Shorten(expression)}' has an unterminated quote."); return null; }
        var path = parts[0].Trim();
        JsonNode? value = null;
        if (path.Length == 0) Warn(warnings, "An empty {{ }} was rendered as empty text.");
        else if (ScopePath.TryParse(path) is null) Warn(warnings, $"'{Shorten(path)}' is not a variable path; it was rendered as empty text.");
        else if (!scope.TryResolve(path, out value)) Warn(warnings, $"Unknown variable '{path}'.");
        foreach (var filter in parts.Skip(1))
            value = TemplateFilters.Apply(filter, value, scope, message => Warn(warnings, message));
        return value;
    }

    /// <summary>
    /// The <c>}}</c> that ends a tag starting at <paramref name="start"/>: the first one outside quotes (so
    /// <c>default: "a}}b"</c> works) within <see cref="MaxExpressionLength"/> characters, else simply the next one.
    /// </summary>
    private static int FindClose(string source, int start)
    {
        var end = Math.Min(source.Length - 1, start + MaxExpressionLength);
        char quote = '\0';
        for (var i = start; i < end; i++)
        {
            var c = source[i];
            if (quote != '\0')
            {
                if (c == '\\') i++;
                else if (c == quote) quote = '\0';
                continue;
            }
            if (c is '"' or '\'') quote = c;
            else if (c == '}' && source[i + 1] == '}') return i;
        }
        return source.IndexOf("}}", start, StringComparison.Ordinal);
    }

    /// <summary>Splits on <c>|</c> outside double or single quotes; null when a quote is left open.</summary>
    private static List<string>? SplitPipes(string expression)
    {
        var parts = new List<string>();
        var start = 0;
        char quote = '\0';
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote != '\0')
            {
                if (c == '\\') i++;
                else if (c == quote) quote = '\0';
                continue;
            }
            if (c is '"' or '\'') quote = c;
            else if (c == '|') { parts.Add(expression[start..i]); start = i + 1; }
        }
        if (quote != '\0') return null;
        parts.Add(expression[start..]);
        return parts;
    }

    private static void Warn(List<string> warnings, string message)
    {
        if (warnings.Count < MaxWarnings && !warnings.Contains(message)) warnings.Add(message);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
