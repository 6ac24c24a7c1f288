using System.Globalization;
using System.Text;

namespace SalesCrm.Core.Common.Filtering;

/// <summary>
/// The PostgREST filter grammar integrators already know, with PostgREST's meaning (docs.postgrest.org, "Tables and
/// Views"): <c>field=op.value</c> with eq, neq, gt, gte, lt, lte, like, ilike (<c>*</c> or <c>%</c> any text, <c>_</c>
/// one character, <c>\</c> escapes), <c>in.(a,"b,c")</c>, <c>is.null</c>, <c>cs.{a,b}</c>, fts/plfts/phfts/wfts with an
/// optional <c>(config)</c>, a <c>not.</c> prefix; logical groups <c>or=(…)</c>, <c>and=(…)</c>, nested and negated;
/// <c>order=field.desc.nullslast,field2</c>. Parsing is pure text work; field names are checked by the caller.
/// </summary>
public static class FilterGrammar
{
    public static readonly IReadOnlySet<string> ReservedParameters = new HashSet<string>(StringComparer.Ordinal)
        { "order", "limit", "offset", "select", "q", "format" };

    /// <summary>The text-search configurations the fts operators accept (PostgreSQL's built-in ones we ship for).</summary>
    public static readonly IReadOnlySet<string> TextSearchConfigs = new HashSet<string>(StringComparer.Ordinal)
        { "simple", "portuguese", "english", "spanish" };

    /// <summary>True for the query keys that carry a logical group: or, and, not.or, not.and.</summary>
    public static bool IsGroupKey(string key) => key is "or" or "and" or "not.or" or "not.and";

    /// <summary>Parses one query parameter: a logical group when <paramref name="key"/> is or/and, else a condition.</summary>
    public static FilterNode Parse(string key, string value)
    {
        if (IsGroupKey(key)) return ParseGroup(key, value);
        // postgrest-js writes filters and order of an embedded resource as stages.order=… or stages.name=eq.…
        if (key.IndexOf('.') is var dot and > 0)
            throw Invalid(key, $"filters or orders the embedded resource '{key[..dot]}': this surface has no embedding; query /rest/v1/{key[..dot]} directly.");
        return ParseNode(key, value, insideGroup: false);
    }

    /// <summary>Parses <c>or=(a.eq.1,and(b.gt.2,c.is.null))</c>; <paramref name="key"/> is or, and, not.or or not.and.</summary>
    public static FilterGroup ParseGroup(string key, string value)
    {
        var negated = key.StartsWith("not.", StringComparison.Ordinal);
        var name = negated ? key[4..] : key;
        if (name is not ("or" or "and")) throw Invalid(key, "is not a logical operator (or, and).");
        if (value.Length < 2 || value[0] != '(' || value[^1] != ')') throw Invalid(key, "expects a list like (a.eq.1,b.gt.2).");
        var children = new List<FilterNode>();
        foreach (var part in SplitTopLevel(key, value[1..^1]))
        {
            if (part.Length == 0) throw Invalid(key, "has an empty condition.");
            var open = part.IndexOf('(');
            var head = open > 0 ? part[..open] : null;
            if (head is "or" or "and" or "not.or" or "not.and") children.Add(ParseGroup(head, part[open..]));
            else
            {
                var dot = part.IndexOf('.');
                if (dot <= 0) throw Invalid(key, $"'{part}' is not of the form field.op.value.");
                children.Add(ParseNode(part[..dot], part[(dot + 1)..], insideGroup: true));
            }
        }
        if (children.Count == 0) throw Invalid(key, "is empty.");
        return new FilterGroup(name == "or", negated, children);
    }

    /// <summary>One condition (no <c>(any)</c>/<c>(all)</c> modifier, which makes a group: use <see cref="Parse"/>).</summary>
    public static FilterCondition ParseCondition(string field, string expression) =>
        ParseNode(field, expression, insideGroup: false) as FilterCondition ?? throw Invalid(field, "is a group of conditions.");

    /// <summary>Ops that take PostgREST's <c>(any)</c> / <c>(all)</c> modifier with a <c>{a,b}</c> list (<c>like(any).{*ana*,*bia*}</c>).</summary>
    private static readonly HashSet<string> QuantifiedOps = ["eq", "gt", "gte", "lt", "lte", "like", "ilike"];

    private static FilterNode ParseNode(string field, string expression, bool insideGroup)
    {
        // PostgreSQL text cannot hold NUL, so no row could match it: refuse it the same way on every provider.
        if (expression.Contains('\0')) throw Invalid(field, "must not contain the NUL character (%00).");
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
        // Inside a group PostgREST lets a value be double-quoted so it may hold , . ( ).
        // Stored text is NFC (UnicodeText): a value typed in another form matches what looks the same.
        var value = UnicodeText.Nfc(insideGroup ? Unquote(text[(dot + 1)..]) : text[(dot + 1)..]);
        string? config = null;
        var paren = op.IndexOf('(');
        if (paren > 0 && op[^1] == ')')
        {
            config = op[(paren + 1)..^1];
            op = op[..paren];
            if (config is "any" or "all" && QuantifiedOps.Contains(op))
            {
                // like(any).{a,b} is "like a OR like b"; (all) is AND; not. negates the whole (PostgREST's NOT (col LIKE ANY …)).
                var items = ParseList(field, value, '{', '}');
                if (items.Count == 0) throw Invalid(field, $"'{op}({config})' needs at least one value in {{…}}.");
                return new FilterGroup(config == "any", negated, items.Select(item => (FilterNode)ParseCondition(field, $"{op}.{item}")).ToList());
            }
            if (op is not ("fts" or "plfts" or "phfts" or "wfts"))
                throw Invalid(field, $"'{op}({config})': only fts, plfts, phfts and wfts take a (config); eq, gt, gte, lt, lte, like and ilike take (any) or (all) with a {{…}} list.");
            if (!TextSearchConfigs.Contains(config)) throw Invalid(field, $"unknown text search config '{config}'. Use one of: {string.Join(", ", TextSearchConfigs.Order())}.");
        }
        return op switch
        {
            "eq" => new(field, FilterOperator.Eq, negated, [value]),
            "neq" => new(field, FilterOperator.Neq, negated, [value]),
            "gt" => new(field, FilterOperator.Gt, negated, [value]),
            "gte" => new(field, FilterOperator.Gte, negated, [value]),
            "lt" => new(field, FilterOperator.Lt, negated, [value]),
            "lte" => new(field, FilterOperator.Lte, negated, [value]),
            "like" => new(field, FilterOperator.Like, negated, [CheckPattern(field, value)]),
            "ilike" => new(field, FilterOperator.Ilike, negated, [CheckPattern(field, value)]),
            "in" => new(field, FilterOperator.In, negated, ParseList(field, value, '(', ')')),
            "cs" => new(field, FilterOperator.Contains, negated, ParseList(field, value, '{', '}')),
            "is" when value is "null" or "unknown" => new(field, FilterOperator.IsNull, negated, []),
            "is" when value == "true" => new(field, FilterOperator.IsTrue, negated, []),
            "is" when value == "false" => new(field, FilterOperator.IsFalse, negated, []),
            "is" => throw Invalid(field, $"'is' takes null, true, false or unknown, got '{value}'."),
            "fts" => TextSearch(field, FilterOperator.Fts, negated, value, config),
            "plfts" => TextSearch(field, FilterOperator.Plfts, negated, value, config),
            "phfts" => TextSearch(field, FilterOperator.Phfts, negated, value, config),
            "wfts" => TextSearch(field, FilterOperator.Wfts, negated, value, config),
            _ => throw Invalid(field, $"unknown operator '{op}'. Use eq, neq, gt, gte, lt, lte, like, ilike, in, is, cs, fts, plfts, phfts, wfts, optionally prefixed by not."),
        };
    }

    /// <summary>Parses <c>field[.asc|.desc][.nullsfirst|.nullslast]</c> keys separated by commas.</summary>
    public static IReadOnlyList<SortKey> ParseOrder(string order)
    {
        var keys = new List<SortKey>();
        foreach (var part in order.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split('.');
            if (pieces.Length > 3 || pieces[0].Length == 0) throw Invalid("order", $"'{part}' must be field, field.asc or field.desc, optionally .nullsfirst or .nullslast.");
            var direction = pieces.Length > 1 && pieces[1] is "asc" or "desc" ? pieces[1] : null;
            var nulls = pieces.Length > (direction is null ? 1 : 2) ? pieces[^1] : null;
            if (pieces.Length != 1 + (direction is null ? 0 : 1) + (nulls is null ? 0 : 1) || nulls is not (null or "nullsfirst" or "nullslast"))
                throw Invalid("order", $"'{part}' must be field, field.asc or field.desc, optionally .nullsfirst or .nullslast.");
            var descending = direction == "desc";
            bool? nullsFirst = nulls is null ? null : nulls == "nullsfirst";
            keys.Add(new SortKey(pieces[0], descending, nullsFirst));
        }
        if (keys.Count == 0) throw Invalid("order", "is empty.");
        return keys;
    }

    /// <summary>
    /// Turns a PostgREST pattern into a SQL LIKE pattern (escape character <c>\</c>): <c>*</c> becomes <c>%</c>; <c>%</c>,
    /// <c>_</c> and <c>\</c> keep their LIKE meaning, as in PostgREST.
    /// </summary>
    public static string ToLikePattern(string pattern)
    {
        var result = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length) { result.Append('\\').Append(pattern[++i]); continue; }
            result.Append(pattern[i] == '*' ? '%' : pattern[i]);
        }
        return result.ToString();
    }

    /// <summary>Escapes literal text for a LIKE pattern with escape character <c>\</c> (for searches, not PostgREST patterns).</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Literal text inside a PostgREST like/ilike pattern: its <c>*</c>, <c>%</c>, <c>_</c> and <c>\</c> match only themselves.</summary>
    public static string LiteralPattern(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '%' or '_' or '*') result.Append('\\');
            result.Append(c);
        }
        return result.ToString();
    }

    private static string CheckPattern(string field, string pattern)
    {
        var trailing = pattern.Length - pattern.TrimEnd('\\').Length;
        if (trailing % 2 == 1) throw Invalid(field, "a like pattern must not end with the escape character \\.");
        return pattern;
    }

    private static FilterCondition TextSearch(string field, FilterOperator op, bool negated, string value, string? config)
    {
        if (string.IsNullOrWhiteSpace(value)) throw Invalid(field, "a text search needs words.");
        return new(field, op, negated, [value], config ?? "simple");
    }

    /// <summary>PostgREST's list: items split on commas outside double quotes; inside quotes <c>\"</c> and <c>\\</c> escape.</summary>
    private static IReadOnlyList<string> ParseList(string field, string value, char open, char close)
    {
        if (value.Length < 2 || value[0] != open || value[^1] != close)
            throw Invalid(field, $"expects a list like {open}a,b{close}.");
        var inner = value[1..^1];
        if (inner.Length == 0) return [];
        var items = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (quoted && c == '\\' && i + 1 < inner.Length) { current.Append(inner[++i]); continue; }
            if (c == '"') { quoted = !quoted; continue; }
            if (c == ',' && !quoted) { items.Add(current.ToString()); current.Clear(); continue; }
            current.Append(c);
        }
        if (quoted) throw Invalid(field, "has an unterminated quote.");
        items.Add(current.ToString());
        return items;
    }

    /// <summary>Splits a group's body on commas outside parentheses and double quotes.</summary>
    private static List<string> SplitTopLevel(string key, string body)
    {
        var parts = new List<string>();
        var depth = 0;
        var braces = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (quoted)
            {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case '(': depth++; break;
                case ')' when --depth < 0: throw Invalid(key, "has an unbalanced ')'.");
                case '{': braces++; break; // a {a,b} list (cs, like(any)) is one condition
                case '}' when braces > 0: braces--; break;
                case ',' when depth == 0 && braces == 0: parts.Add(body[start..i]); start = i + 1; break;
            }
        }
        if (quoted) throw Invalid(key, "has an unterminated quote.");
        if (depth != 0) throw Invalid(key, "has an unbalanced '('.");
        parts.Add(body[start..]);
        return parts;
    }

    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"') return value;
        var result = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length - 1) i++;
            result.Append(value[i]);
        }
        return result.ToString();
    }

    /// <summary>Writes a parsed filter back in the grammar (<c>name=ilike.*ana*</c>, <c>or=(a.eq.1,b.is.null)</c>), for audit entries.</summary>
    public static string Format(FilterNode node) => node switch
    {
        FilterGroup g => $"{(g.Negated ? "not." : "")}{(g.Or ? "or" : "and")}=({string.Join(",", g.Children.Select(c => Format(c).Replace("=", ".", StringComparison.Ordinal)))})",
        FilterCondition c => $"{c.Field}={(c.Negated ? "not." : "")}{OperatorName(c)}.{c.Operator switch { FilterOperator.In => $"({string.Join(",", c.Values)})", FilterOperator.Contains => $"{{{string.Join(",", c.Values)}}}", FilterOperator.IsNull => "null", FilterOperator.IsTrue => "true", FilterOperator.IsFalse => "false", _ => c.Values[0] }}",
        _ => node.ToString()!,
    };

    private static string OperatorName(FilterCondition c) => c.Operator switch
    {
        FilterOperator.IsNull or FilterOperator.IsTrue or FilterOperator.IsFalse => "is",
        FilterOperator.Contains => "cs",
        FilterOperator.Fts or FilterOperator.Plfts or FilterOperator.Phfts or FilterOperator.Wfts => $"{c.Operator.ToString().ToLowerInvariant()}({c.Config})",
        _ => c.Operator.ToString().ToLowerInvariant(),
    };

    public static ValidationException Invalid(string field, string message) => new(field, message);

    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
}
