using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// Evaluates filter-grammar conditions against JSON in memory: a condition node's <see cref="WorkflowCondition"/>
/// against a <see cref="WorkflowScope"/>, or an event trigger's filter string against a JSON object. Comparisons are
/// type-aware: numbers compare as numbers whether sent as JSON numbers or as text (<c>"1.234,56"</c> in pt-BR), dates as
/// instants (ISO 8601 or <c>dd/MM/yyyy</c>; a date alone compares by day in the workspace zone), booleans as booleans,
/// everything else as text (ordinal, NFC). like is case-sensitive; ilike ignores case and accents. A missing path
/// reads as null: it matches only <c>is.null</c> and the negations (neq, not.…); gt/lt/like/in on null are false.
/// </summary>
public static class ConditionEvaluator
{
    private static readonly HashSet<string> OperatorNames =
        ["eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "in", "is", "cs", "fts", "plfts", "phfts", "wfts"];

    /// <summary>
    /// Whether <paramref name="condition"/> holds in <paramref name="scope"/>. A text value holding <c>{{ … }}</c> is
    /// rendered first (<c>"value": "{{lead.custom.min_bill}}"</c> compares with another field). Throws
    /// <see cref="ValidationException"/> for an unknown operator or a value the operator cannot take (the same check as
    /// <see cref="ToFilter"/>).
    /// </summary>
    public static bool Evaluate(WorkflowCondition condition, WorkflowScope scope)
    {
        if (condition.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && ScopeValues.StringOf(v) is var text && text.Contains("{{", StringComparison.Ordinal))
            condition = condition with { Value = JsonValue.Create(TemplateRenderer.Render(text, scope).Text) };
        return Evaluate(ToFilter(condition), scope.Root, scope.TimeZone, scope.Culture, scope.Time.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// Whether every condition of <paramref name="filter"/> (the string form, see <see cref="FilterExpression"/>) holds
    /// for <paramref name="target"/>, whose fields the filter names by path. Blank filters match. Throws
    /// <see cref="ValidationException"/> for a malformed filter. Zone and culture default to São Paulo and pt-BR; <paramref name="time"/>
    /// (for <c>today</c>/<c>now</c> values) to the system clock.
    /// </summary>
    public static bool Matches(string? filter, JsonNode? target, TimeZoneInfo? zone = null, CultureInfo? culture = null, TimeProvider? time = null)
    {
        var nodes = FilterExpression.Parse(filter);
        var z = zone ?? SalesCrm.Core.Tenancy.WorkspaceTimeZones.Default;
        var c = culture ?? CultureInfo.GetCultureInfo("pt-BR");
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        return nodes.All(node => Evaluate(node, target, z, c, now));
    }

    /// <summary>
    /// Whether a parsed filter node holds for <paramref name="root"/>; field names are <see cref="ScopePath"/> paths.
    /// <paramref name="nowUtc"/> is the instant <c>today</c>/<c>now</c> values mean (default: the system clock).
    /// </summary>
    public static bool Evaluate(FilterNode node, JsonNode? root, TimeZoneInfo zone, CultureInfo culture, DateTime? nowUtc = null)
    {
        var result = node switch
        {
            FilterGroup g => g.Or ? g.Children.Any(child => Evaluate(child, root, zone, culture, nowUtc)) : g.Children.All(child => Evaluate(child, root, zone, culture, nowUtc)),
            FilterCondition c => Test(c, ScopePath.TryResolve(root, c.Field, out var value) ? value : null, zone, culture, nowUtc),
            _ => false,
        };
        return node switch
        {
            FilterGroup { Negated: true } or FilterCondition { Negated: true } => !result,
            _ => result,
        };
    }

    /// <summary>
    /// The filter-grammar condition a <see cref="WorkflowCondition"/> stands for; the check a definition runs on save.
    /// Throws <see cref="ValidationException"/> (on <c>field</c>, <c>operator</c> or <c>value</c>) for a malformed path,
    /// an unknown operator, or a value the operator cannot take (<c>is</c> takes null/true/false; <c>in</c> and <c>cs</c> a
    /// list or its text form <c>(a,b)</c> / <c>{a,b}</c>).
    /// </summary>
    public static FilterCondition ToFilter(WorkflowCondition condition)
    {
        if (ScopePath.TryParse(condition.Field) is null) throw new ValidationException("field", $"'{condition.Field}' is not a path like lead.custom.city.");
        var op = (condition.Operator ?? "").Trim().ToLowerInvariant();
        var negated = op.StartsWith("not.", StringComparison.Ordinal);
        if (negated) op = op[4..];
        if (!OperatorNames.Contains(op))
            throw new ValidationException("operator", $"unknown operator '{condition.Operator}'. Use eq, neq, gt, gte, lt, lte, like, ilike, in, is, cs, fts, plfts, phfts, wfts, optionally prefixed by not.");
        var value = condition.Value;
        var field = condition.Field.Trim();
        switch (op)
        {
            case "is":
                var word = ScopeValues.IsNull(value) ? "null" : ScopeValues.Text(value).Trim().ToLowerInvariant();
                return word switch
                {
                    "null" or "unknown" => new(field, FilterOperator.IsNull, negated, []),
                    "true" => new(field, FilterOperator.IsTrue, negated, []),
                    "false" => new(field, FilterOperator.IsFalse, negated, []),
                    _ => throw new ValidationException("value", $"'is' takes null, true or false, got '{Shorten(word)}'."),
                };
            case "eq" or "neq" when ScopeValues.IsNull(value):
                // "eq null" is what a designer produces for "is empty": read it as is.null rather than never matching.
                return new(field, FilterOperator.IsNull, negated ^ (op == "neq"), []);
            case "in" or "cs":
                IReadOnlyList<string> items = value switch
                {
                    JsonArray array => array.Select(ScopeValues.Text).ToList(),
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => FilterGrammar.ParseCondition(field, $"{op}.{ScopeValues.StringOf(v)}").Values,
                    _ => throw new ValidationException("value", $"'{op}' takes a list of values."),
                };
                return new(field, op == "in" ? FilterOperator.In : FilterOperator.Contains, negated, items);
            default:
                if (value is JsonObject or JsonArray) throw new ValidationException("value", $"'{op}' takes one value, not a list or object.");
                var text = UnicodeText.Nfc(ScopeValues.Text(value));
                return op switch
                {
                    "eq" => new(field, FilterOperator.Eq, negated, [text]),
                    "neq" => new(field, FilterOperator.Neq, negated, [text]),
                    "gt" => new(field, FilterOperator.Gt, negated, [text]),
                    "gte" => new(field, FilterOperator.Gte, negated, [text]),
                    "lt" => new(field, FilterOperator.Lt, negated, [text]),
                    "lte" => new(field, FilterOperator.Lte, negated, [text]),
                    "like" => new(field, FilterOperator.Like, negated, [text]),
                    "ilike" => new(field, FilterOperator.Ilike, negated, [text]),
                    _ when text.Trim().Length == 0 => throw new ValidationException("value", "a text search needs words."),
                    "fts" => new(field, FilterOperator.Fts, negated, [text], "simple"),
                    "plfts" => new(field, FilterOperator.Plfts, negated, [text], "simple"),
                    "phfts" => new(field, FilterOperator.Phfts, negated, [text], "simple"),
                    _ => new(field, FilterOperator.Wfts, negated, [text], "simple"),
                };
        }
    }

    private static bool Test(FilterCondition c, JsonNode? actual, TimeZoneInfo zone, CultureInfo culture, DateTime? nowUtc)
    {
        if (c.Operator == FilterOperator.IsNull) return ScopeValues.IsNull(actual);
        if (ScopeValues.IsNull(actual)) return c.Operator == FilterOperator.Neq;
        return c.Operator switch
        {
            FilterOperator.IsTrue => ScopeValues.TryBoolean(actual, out var t) && t,
            FilterOperator.IsFalse => ScopeValues.TryBoolean(actual, out var f) && !f,
            FilterOperator.Eq => actual is JsonValue && ValueComparer.AreEqual(actual, c.Values[0], zone, culture, nowUtc),
            FilterOperator.Neq => !(actual is JsonValue && ValueComparer.AreEqual(actual, c.Values[0], zone, culture, nowUtc)),
            FilterOperator.Gt => ValueComparer.Compare(actual, c.Values[0], zone, culture, nowUtc) > 0,
            FilterOperator.Gte => ValueComparer.Compare(actual, c.Values[0], zone, culture, nowUtc) >= 0,
            FilterOperator.Lt => ValueComparer.Compare(actual, c.Values[0], zone, culture, nowUtc) < 0,
            FilterOperator.Lte => ValueComparer.Compare(actual, c.Values[0], zone, culture, nowUtc) <= 0,
            FilterOperator.Like => actual is JsonValue && LikeMatcher.IsMatch(UnicodeText.Nfc(ScopeValues.Text(actual)), FilterGrammar.ToLikePattern(c.Values[0]), ignoreCase: false),
            FilterOperator.Ilike => actual is JsonValue && LikeMatcher.IsMatch(SafeText.Fold(ScopeValues.Text(actual)), SafeText.Fold(FilterGrammar.ToLikePattern(c.Values[0])), ignoreCase: true),
            FilterOperator.In => actual is JsonValue && c.Values.Any(v => ValueComparer.AreEqual(actual, v, zone, culture, nowUtc)),
            FilterOperator.Contains => actual is JsonArray array && c.Values.All(v => array.Any(item => item is JsonValue && ValueComparer.AreEqual(item, v, zone, culture, nowUtc))),
            FilterOperator.Fts or FilterOperator.Plfts or FilterOperator.Phfts or FilterOperator.Wfts =>
                actual is JsonValue && TextSearchApproximation.IsMatch(SafeText.Fold(ScopeValues.Text(actual)), SafeText.Fold(c.Values[0]), c.Operator),
            _ => false,
        };
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
