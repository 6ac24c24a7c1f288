using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// The string form of the filter grammar as an event trigger stores it: parameters joined by <c>&amp;</c>, each
/// <c>field=op.value</c> or a group <c>and=(…)</c> / <c>or=(…)</c> (<c>source=eq.meta_ads&amp;value=gte.1000</c>,
/// <c>or=(source.eq.meta_ads,source.eq.site)</c>). A field may be a path: <c>payload.form.city=ilike.*paulo*</c> at
/// the top level; inside a group, where the dot separates field and operator, write it with PostgREST's arrows
/// (<c>payload-&gt;form-&gt;&gt;city.eq.Campinas</c>). Values are taken literally (no URL decoding).
/// </summary>
public static class FilterExpression
{
    /// <summary>The longest filter accepted, in characters.</summary>
    public const int MaxLength = 4000;

    /// <summary>How deep groups may nest.</summary>
    public const int MaxDepth = 8;

    /// <summary>
    /// Parses <paramref name="filter"/> into conditions that must all hold. Blank text is an empty list (matches
    /// everything). Throws <see cref="ValidationException"/> (field <c>filter</c> or the condition's field) naming the problem.
    /// </summary>
    public static IReadOnlyList<FilterNode> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return [];
        if (filter.Length > MaxLength) throw new ValidationException("filter", $"is longer than {MaxLength} characters.");
        var nodes = new List<FilterNode>();
        foreach (var part in SplitParameters(filter))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0) throw new ValidationException("filter", $"'{Shorten(part)}' is not of the form field=op.value.");
            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (FilterGrammar.IsGroupKey(key))
            {
                nodes.Add(FilterGrammar.ParseGroup(key, value));
                continue;
            }
            if (ScopePath.TryParse(key) is null) throw new ValidationException("filter", $"'{Shorten(key)}' is not a field path (names, dots, [index]).");
            // The grammar refuses dotted keys (embedding, on the list API); here a key is a path, so parse under a plain name.
            nodes.Add(Rename(FilterGrammar.Parse("field", value), key));
        }
        return nodes;
    }

    private static FilterNode Rename(FilterNode node, string field) => node switch
    {
        FilterCondition c => c with { Field = field },
        FilterGroup g => g with { Children = g.Children.Select(child => Rename(child, field)).ToList() },
        _ => node,
    };

    /// <summary>Splits on <c>&amp;</c> outside parentheses, braces and double quotes; checks the nesting depth.</summary>
    private static List<string> SplitParameters(string filter)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        var quoted = false;
        for (var i = 0; i < filter.Length; i++)
        {
            var c = filter[i];
            if (quoted)
            {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case '(' or '{':
                    if (++depth > MaxDepth) throw new ValidationException("filter", $"nests deeper than {MaxDepth} levels.");
                    break;
                case ')' or '}': depth = Math.Max(0, depth - 1); break;
                case '&' when depth == 0:
                    parts.Add(filter[start..i]);
                    start = i + 1;
                    break;
            }
        }
        parts.Add(filter[start..]);
        return parts.Where(p => p.Trim().Length > 0).ToList();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
