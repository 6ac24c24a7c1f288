using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using SalesCrm.Core.Workflows.DryRuns;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// The dry run's sentences in the reader's language (<see cref="WorkflowDryRunResource"/>: pt-BR, en); a key it lacks falls
/// back to Core's English. A node's warning (<c>NodeWarning</c>) carries the template renderer's English message; its known
/// shapes ("Unknown variable 'lead.nmae'.", "The text was cut at 1000 characters.", a filter's complaint) map to
/// <c>Render_{shape}</c> resources, and any other message is shown as written.
/// </summary>
public sealed partial class LocalizedDryRunPhrases(IStringLocalizer<WorkflowDryRunResource> t) : IDryRunPhrases
{
    private static readonly DryRunPhrases Fallback = new();

    private static readonly (Regex Shape, string Key)[] RenderShapes =
    [
        (UnknownVariable(), "Render_unknown_variable"),
        (NotAPath(), "Render_not_a_path"),
        (EmptyExpression(), "Render_empty_expression"),
        (Unterminated(), "Render_unterminated_quote"),
        (CutAt(), "Render_cut_at"),
        (NotANumber(), "Render_not_a_number"),
        (NotADate(), "Render_not_a_date"),
        (UnknownFilter(), "Render_unknown_filter"),
    ];

    public string Format(string key, params object?[] args)
    {
        if (key == "NodeWarning" && args is [var node, string warning]) args = [node, Render(warning)];
        var text = t[key];
        return text.ResourceNotFound ? Fallback.Format(key, args) : string.Format(CultureInfo.CurrentCulture, text.Value, args);
    }

    private string Render(string warning)
    {
        foreach (var (shape, key) in RenderShapes)
        {
            var match = shape.Match(warning);
            if (!match.Success) continue;
            var text = t[key];
            if (text.ResourceNotFound) return warning;
            return string.Format(CultureInfo.CurrentCulture, text.Value, match.Groups.Cast<Group>().Skip(1).Select(g => (object)g.Value).ToArray());
        }
        return warning;
    }

    [GeneratedRegex(@"^Unknown variable '(.+)'\.$")] private static partial Regex UnknownVariable();
    [GeneratedRegex(@"^'(.+)' is not a variable path; it was rendered as empty text\.$")] private static partial Regex NotAPath();
    [GeneratedRegex(@"^An empty \{\{ \}\} was rendered as empty text\.$")] private static partial Regex EmptyExpression();
    [GeneratedRegex(@"^'(.+)' has an unterminated quote\.$")] private static partial Regex Unterminated();
    [GeneratedRegex(@"^The text was cut at (\d+) characters\.$")] private static partial Regex CutAt();
    [GeneratedRegex(@"^money: '(.*)' is not a number\.$")] private static partial Regex NotANumber();
    [GeneratedRegex(@"^date: '(.*)' is not a date\.$")] private static partial Regex NotADate();
    [GeneratedRegex(@"^Unknown filter '(.+)'; use (.+)\.$")] private static partial Regex UnknownFilter();
}
