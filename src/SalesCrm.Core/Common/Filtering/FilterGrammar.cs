using System.Globalization;

namespace SalesCrm.Core.Common.Filtering;

/// <summary>One parsed <c>field=op.value</c> condition.</summary>
public sealed record FilterCondition(string Field, FilterOperator Operator, bool Negated, IReadOnlyList<string> Values);

public sealed record SortKey(string Field, bool Descending);

public enum FilterOperator { Eq, Neq, Gt, Gte, Lt, Lte, Like, Ilike, In, IsNull, Contains }

/// <summary>
/// The PostgREST filter grammar integrators already know: <c>field=op.value</c> with eq, neq, gt, gte, lt, lte,
/// like, ilike (<c>*</c> wildcard), <c>in.(a,b)</c>, <c>is.null</c>, <c>cs.{a,b}</c> (array contains), a <c>not.</c>
/// prefix, and <c>order=field.desc,field2.asc</c>. Parsing is pure text work; field names are checked by the caller.
/// </summary>
public static class FilterGrammar
{
    public static readonly IReadOnlySet<string> ReservedParameters = new HashSet<string>(StringComparer.Ordinal)
        { "order", "limit", "offset", "select", "q", "format" };

    public static FilterCondition ParseCondition(string field, string expression)
    {
        var text = expression;
        var negated = false;
        if (text.StartsWith("not.", StringComparison.Ordinal))
        {
            negated = true;
            text = text[4..];
        }
        var dot = text.IndexOf('.');
        if (dot <= 0) throw Invalid(field, $"'{expression}' is not of the form op.value (e.g. eq.42).");
        var op = text[..dot];
        var value = text[(dot + 1)..];
        return op switch
        {
            "eq" => new(field, FilterOperator.Eq, negated, [value]),
            "neq" => new(field, FilterOperator.Neq, negated, [value]),
            "gt" => new(field, FilterOperator.Gt, negated, [value]),
            "gte" => new(field, FilterOperator.Gte, negated, [value]),
            "lt" => new(field, FilterOperator.Lt, negated, [value]),
            "lte" => new(field, FilterOperator.Lte, negated, [value]),
            "like" => new(field, FilterOperator.Like, negated, [value]),
            "ilike" => new(field, FilterOperator.Ilike, negated, [value]),
            "in" => new(field, FilterOperator.In, negated, ParseList(field, value, '(', ')')),
            "cs" => new(field, FilterOperator.Contains, negated, ParseList(field, value, '{', '}')),
            "is" when value == "null" => new(field, FilterOperator.IsNull, negated, []),
            "is" => throw Invalid(field, $"'is' only supports null, got '{value}'."),
            _ => throw Invalid(field, $"unknown operator '{op}'. Use eq, neq, gt, gte, lt, lte, like, ilike, in, is, cs, optionally prefixed by not."),
        };
    }

    public static IReadOnlyList<SortKey> ParseOrder(string order)
    {
        var keys = new List<SortKey>();
        foreach (var part in order.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split('.');
            var descending = pieces.Length switch
            {
                1 => false,
                2 when pieces[1] == "asc" => false,
                2 when pieces[1] == "desc" => true,
                _ => throw Invalid("order", $"'{part}' must be field, field.asc or field.desc."),
            };
            keys.Add(new SortKey(pieces[0], descending));
        }
        if (keys.Count == 0) throw Invalid("order", "is empty.");
        return keys;
    }

    /// <summary>Turns a PostgREST pattern (<c>*</c> wildcard) into a SQL LIKE pattern with <c>%</c> and <c>_</c> escaped.</summary>
    public static string ToLikePattern(string pattern) =>
        pattern.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace('*', '%');

    private static IReadOnlyList<string> ParseList(string field, string value, char open, char close)
    {
        if (value.Length < 2 || value[0] != open || value[^1] != close)
            throw Invalid(field, $"expects a list like {open}a,b{close}.");
        var inner = value[1..^1];
        if (inner.Length == 0) return [];
        var items = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in inner)
        {
            if (c == '"') { quoted = !quoted; continue; }
            if (c == ',' && !quoted) { items.Add(current.ToString()); current.Clear(); continue; }
            current.Append(c);
        }
        if (quoted) throw Invalid(field, "has an unterminated quote.");
        items.Add(current.ToString());
        return items;
    }

    public static ValidationException Invalid(string field, string message) => new(field, message);

    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
}
