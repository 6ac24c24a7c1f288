using Microsoft.Extensions.Localization;
using SalesCrm.Core.Gamification;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>Scoring rule keys (<c>visit.completed</c>, <c>fast_reply</c>) in the reader's language; an unknown key shows as stored.</summary>
public static class GameLabels
{
    /// <summary>The resource key of a rule's label: <c>PointRule_visit.completed</c>.</summary>
    public static string RuleKey(string rule) => "PointRule_" + rule;

    /// <summary>"visit.completed" → "Visita realizada" / "Visit done".</summary>
    public static string Rule(IStringLocalizer localizer, string rule)
    {
        var label = localizer[RuleKey(rule)];
        return label.ResourceNotFound ? rule : label.Value;
    }

    /// <summary>Every rule a workspace can score, in the default table's order.</summary>
    public static IEnumerable<string> Rules => PointRules.Defaults.Select(d => d.Key);
}
