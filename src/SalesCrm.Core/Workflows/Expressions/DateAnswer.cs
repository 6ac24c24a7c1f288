using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// A calendar date from a chat reply, in the workspace zone: <c>hoje</c>, <c>amanhã</c>, <c>depois de amanhã</c>,
/// <c>ontem</c> (and today/tomorrow); <c>daqui a 3 dias</c>, <c>em 10 dias</c>; a weekday (<c>sexta</c>, <c>segunda-feira</c>:
/// the next one, a week ahead when it is today) unless the reply also has digits (<c>sexta, 11/12</c> reads the date); day first <c>03/12/2026</c>, <c>3/12/26</c>, <c>3-12</c>, <c>3.12.2026</c>; ISO
/// <c>2026-12-03</c>; <c>3 de dezembro</c>, <c>3 dez 2026</c>. A date without a year is in the current year, or the next
/// when it already passed and <see cref="AnswerContext.PreferFuture"/>. Impossible dates (<c>31/02</c>) are <c>invalid_date</c>.
/// The value is <c>yyyy-MM-dd</c>.
/// </summary>
public static partial class DateAnswer
{
    // Indexed like DayOfWeek: Sunday is 0.
    private static readonly string[] Weekdays = ["dom", "seg", "ter", "qua", "qui", "sex", "sab"];

    private static readonly string[] Months = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"];

    /// <summary>Validates <paramref name="text"/> (already trimmed and NFC) as a date.</summary>
    public static AnswerResult Validate(string text, AnswerContext ctx)
    {
        var folded = SafeText.Fold(text);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(ctx.NowUtc, DateTimeKind.Utc), ctx.Zone));
        DateOnly? date = null;
        if (Contains(folded, "depois de amanha")) date = today.AddDays(2);
        else if (Contains(folded, "amanha") || Contains(folded, "tomorrow")) date = today.AddDays(1);
        else if (Contains(folded, "hoje") || Contains(folded, "today")) date = today;
        else if (Contains(folded, "ontem") || Contains(folded, "yesterday")) date = today.AddDays(-1);
        else if (InDays().Match(folded) is { Success: true } inDays && int.Parse(inDays.Groups["n"].Value, CultureInfo.InvariantCulture) is var days and <= 3660) date = today.AddDays(days);
        else if (Weekday().Match(folded) is { Success: true } weekday && !Digit().IsMatch(folded))
        {
            // "sexta" is the next Friday; said on a Friday it means the one a week later.
            var target = Array.IndexOf(Weekdays, weekday.Groups["w"].Value[..3]);
            var ahead = ((target - (int)today.DayOfWeek) + 7) % 7;
            date = today.AddDays(ahead == 0 ? 7 : ahead);
        }
        else if (Iso().Match(folded) is { Success: true } iso) date = Make(Int(iso, "y"), Int(iso, "m"), Int(iso, "d"));
        else if (DayFirst().Match(folded) is { Success: true } numeric)
            date = Complete(Int(numeric, "d"), Int(numeric, "m"), numeric.Groups["y"].Success ? Int(numeric, "y") : null, today, ctx.PreferFuture);
        else if (Written().Match(folded) is { Success: true } written)
        {
            var month = Array.IndexOf(Months, written.Groups["m"].Value[..3]) + 1;
            date = Complete(Int(written, "d"), month, written.Groups["y"].Success ? Int(written, "y") : null, today, ctx.PreferFuture);
        }
        if (date is not { } value) return AnswerResult.Invalid("invalid_date");
        var iso8601 = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return AnswerResult.Valid(JsonValue.Create(iso8601), value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }

    private static DateOnly? Complete(int day, int month, int? year, DateOnly today, bool preferFuture)
    {
        if (year is { } y) return Make(y < 100 ? 2000 + y : y, month, day);
        var candidate = Make(today.Year, month, day);
        // 29/02 without a year in a common year: the next leap year is too far to guess.
        if (candidate is { } c && preferFuture && c < today) return Make(today.Year + 1, month, day);
        return candidate;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static bool Contains(string text, string words) => Regex.IsMatch(text, $@"(^|\W){words}($|\W)", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    [GeneratedRegex(@"(?:daqui a|daqui|em|dentro de)\s+(?<n>\d{1,4})\s+dias?(?![a-z])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex InDays();

    [GeneratedRegex(@"(?<![a-z])(?<w>domingo|segunda|terca|quarta|quinta|sexta|sabado)(?:-feira|\s+feira)?(?![a-z])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\d", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Digit();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![\d/.\-])(?<d>\d{1,2})[/.\-](?<m>\d{1,2})(?:[/.\-](?<y>\d{4}|\d{2}))?(?![\d/.\-]*\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})(?:\s*de)?\s+(?<m>jan(?:eiro)?|fev(?:ereiro)?|mar(?:co)?|abr(?:il)?|mai(?:o)?|jun(?:ho)?|jul(?:ho)?|ago(?:sto)?|set(?:embro)?|out(?:ubro)?|nov(?:embro)?|dez(?:embro)?)(?![a-z])\.?(?:\s*(?:de)?\s*(?<y>\d{4}))?(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Written();
}
