using System.Text.RegularExpressions;
using SalesCrm.Core.Analytics;

namespace SalesCrm.Core.Assistant;

/// <summary>
/// The period a question names, as days in the workspace's zone (<paramref name="today"/> is its current day): today, yesterday,
/// this / last week (Monday first), month, quarter, year, the last N days / weeks / months, a month by name (the latest one not
/// after today unless a year is given: "em outubro", "in October 2025") or a year ("2026"). Null when it names none.
/// </summary>
public static partial class ChatPeriods
{
    private static readonly string[][] Months =
    [
        ["janeiro", "january", "jan"], ["fevereiro", "february", "fev", "feb"], ["marco", "march", "mar"], ["abril", "april", "abr", "apr"],
        ["maio", "may"], ["junho", "june", "jun"], ["julho", "july", "jul"], ["agosto", "august", "ago", "aug"],
        ["setembro", "september", "set", "sep", "sept"], ["outubro", "october", "out", "oct"], ["novembro", "november", "nov"],
        ["dezembro", "december", "dez", "dec"],
    ];

    /// <summary>The period in <paramref name="folded"/> (see <see cref="ChatText.Fold"/>), or null.</summary>
    public static (DateOnly From, DateOnly To)? Find(string folded, DateOnly today)
    {
        var monday = ReportPeriod.BucketStart(today, PeriodGrain.Week);
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        if (Last().Match(folded) is { Success: true } last && ChatText.Count(last.Groups["n"].Value) is { } n and > 0)
        {
            var unit = last.Groups["unit"].Value;
            var days = unit.StartsWith("sem", StringComparison.Ordinal) || unit.StartsWith("week", StringComparison.Ordinal) ? n * 7 : unit.StartsWith("m", StringComparison.Ordinal) ? 0 : n;
            return days > 0 ? (today.AddDays(1 - days), today) : (today.AddMonths(-n).AddDays(1), today);
        }
        if (Any(folded, "hoje", "today")) return (today, today);
        if (Any(folded, "ontem", "yesterday")) return (today.AddDays(-1), today.AddDays(-1));
        if (Any(folded, "semana passada", "ultima semana", "last week", "previous week")) return (monday.AddDays(-7), monday.AddDays(-1));
        if (Any(folded, "esta semana", "essa semana", "nesta semana", "nessa semana", "this week", "da semana", "na semana")) return (monday, today);
        if (Any(folded, "mes passado", "ultimo mes", "last month", "previous month")) return (month.AddMonths(-1), month.AddDays(-1));
        if (Any(folded, "este mes", "esse mes", "neste mes", "nesse mes", "this month", "do mes", "no mes", "month to date")) return (month, today);
        if (Any(folded, "trimestre passado", "ultimo trimestre", "last quarter")) return (quarter.AddMonths(-3), quarter.AddDays(-1));
        if (Any(folded, "este trimestre", "neste trimestre", "this quarter", "do trimestre")) return (quarter, today);
        if (Any(folded, "ano passado", "last year", "previous year")) return (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31));
        if (Any(folded, "este ano", "neste ano", "esse ano", "this year", "do ano", "year to date")) return (new DateOnly(today.Year, 1, 1), today);
        var year = Year().Match(folded);
        var words = folded.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var index = Array.FindIndex(Months, m => m.Contains(words[i]) || (words[i].Length >= 5 && ChatText.Near(words[i], [m[0], m[1]])));
            // Short forms ("out", "mar", "set") are ordinary words too: only after "em", "in", "de" or before a year.
            if (index < 0 || (words[i].Length <= 4 && !(i > 0 && words[i - 1] is "em" or "in" or "de" or "of") && !(i + 1 < words.Length && Year().IsMatch(words[i + 1]))))
                continue;
            var y = year.Success ? int.Parse(year.Value) : today.Month >= index + 1 ? today.Year : today.Year - 1;
            var first = new DateOnly(y, index + 1, 1);
            return (first, first.AddMonths(1).AddDays(-1));
        }
        if (year.Success)
        {
            var y = int.Parse(year.Value);
            return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }
        return null;
    }

    private static bool Any(string folded, params string[] phrases) => phrases.Any(p => ChatText.HasPhrase(folded, p));

    [GeneratedRegex(@"\b(?:ultim[oa]s|last|past|nos ultimos|nas ultimas)\s+(?<n>\d+|dois|duas|tres|quatro|cinco|seis|sete|dez|quinze|trinta|two|three|four|five|six|seven|ten|fifteen|thirty)\s+(?<unit>dias?|days?|semanas?|weeks?|meses|mes|months?)\b")]
    private static partial Regex Last();

    [GeneratedRegex(@"\b20\d\d\b")]
    private static partial Regex Year();
}
