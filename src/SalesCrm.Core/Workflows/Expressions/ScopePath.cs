using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// A path into a run's scope: dot-separated names with optional array indexes (<c>lead.custom.energy_bill</c>,
/// <c>event.payload.items[0].name</c>, <c>nodes.ask_1.output.answer</c>). Names are letters, digits, <c>_</c> and
/// <c>-</c>; PostgREST's JSON arrows (<c>payload-&gt;form-&gt;&gt;city</c>) read as dots. Reading is a dictionary
/// lookup per segment: nothing is invoked, so <c>constructor</c> or <c>__proto__</c> are ordinary (missing) keys.
/// </summary>
public static class ScopePath
{
    /// <summary>The longest path accepted, in characters.</summary>
    public const int MaxLength = 256;

    /// <summary>The most segments (names plus indexes) a path may have.</summary>
    public const int MaxSegments = 32;

    /// <summary>
    /// Splits <paramref name="path"/> into segments: a <see cref="string"/> per name, an <see cref="int"/> per index.
    /// Null when the path is empty, longer than <see cref="MaxLength"/>, deeper than <see cref="MaxSegments"/> or not
    /// of the form above (never throws).
    /// </summary>
    public static IReadOnlyList<object>? TryParse(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        var text = path.Trim();
        if (text.Length > MaxLength) return null;
        text = text.Replace("->>", ".", StringComparison.Ordinal).Replace("->", ".", StringComparison.Ordinal);
        var segments = new List<object>();
        var i = 0;
        var expectName = true;
        while (i < text.Length)
        {
            if (segments.Count >= MaxSegments) return null;
            var c = text[i];
            if (c == '[')
            {
                if (segments.Count == 0) return null;
                var close = text.IndexOf(']', i + 1);
                if (close < 0 || close - i - 1 is < 1 or > 6) return null;
                var digits = text.AsSpan(i + 1, close - i - 1);
                foreach (var d in digits) if (!char.IsAsciiDigit(d)) return null;
                segments.Add(int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
                i = close + 1;
                expectName = false;
                continue;
            }
            if (c == '.')
            {
                if (expectName) return null;
                i++;
                expectName = true;
                continue;
            }
            if (!expectName) return null;
            var start = i;
            while (i < text.Length && IsNameChar(text[i])) i++;
            if (i == start) return null;
            segments.Add(text[start..i]);
            expectName = false;
        }
        return expectName ? null : segments;
    }

    /// <summary>
    /// Reads <paramref name="path"/> in <paramref name="root"/>. True when every segment exists (the value may still be
    /// JSON null, returned as a null node); false for a missing key, an index out of range, a name on an array or a
    /// malformed path.
    /// </summary>
    public static bool TryResolve(JsonNode? root, string? path, out JsonNode? value)
    {
        value = null;
        var segments = TryParse(path);
        if (segments is null) return false;
        var current = root;
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case string name when current is JsonObject obj && obj.TryGetPropertyValue(name, out var child):
                    current = child;
                    break;
                case int index when current is JsonArray array && index < array.Count:
                    current = array[index];
                    break;
                default:
                    return false;
            }
        }
        value = current;
        return true;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '$';
}
