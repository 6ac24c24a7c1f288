using System.Text.RegularExpressions;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Messaging;

public static partial class TemplateText
{
    /// <summary>The variable names in order of first appearance.</summary>
    public static IReadOnlyList<string> Variables(string body) =>
        Placeholder().Matches(body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Fills every variable; a missing one is a validation error naming it.</summary>
    public static (string Text, IReadOnlyList<string> Values) Render(string body, IReadOnlyDictionary<string, string> values)
    {
        var names = Variables(body);
        var missing = names.Where(n => !values.TryGetValue(n, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        if (missing.Count > 0) throw new ValidationException("variables", $"Missing values for: {string.Join(", ", missing)}.");
        var text = Placeholder().Replace(body, m => values[m.Groups[1].Value]);
        return (text, names.Select(n => values[n]).ToList());
    }

    [GeneratedRegex(@"\{\{\s*([a-zA-Z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
