using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCrm.Core.Insights;

/// <summary>
/// The guard on a chat model's rewrite: every number in the rewritten text must be a figure of the evidence (as it is, or
/// rounded to 0–2 decimals), a part of one of the evidence's dates, or a number the offline text already printed (which
/// prints only evidence figures and the names of stages and reps). "1.234" is read both the pt-BR way (1234) and the en
/// way (1.234); either reading may match.
/// </summary>
public static partial class InsightFigureCheck
{
    /// <summary>True when every number of <paramref name="text"/> is allowed by <paramref name="evidence"/> and <paramref name="offline"/>.</summary>
    public static bool OnlyKnownFigures(string text, InsightEvidence evidence, InsightText offline)
    {
        var allowed = new HashSet<decimal>();
        foreach (var value in evidence.Figures.Values)
        {
            for (var d = 0; d <= 2; d++) allowed.Add(Math.Round(Math.Abs(value), d));
        }
        foreach (var day in new[] { evidence.From, evidence.To, evidence.PreviousFrom, evidence.PreviousTo }.OfType<DateOnly>())
        {
            allowed.Add(day.Year);
            allowed.Add(day.Month);
            allowed.Add(day.Day);
        }
        foreach (var known in new[] { offline.Title, offline.Description, offline.Recommendation })
        {
            foreach (var reading in Numbers(known).SelectMany(n => n)) allowed.Add(reading);
        }
        return Numbers(text).All(readings => readings.Any(allowed.Contains));
    }

    /// <summary>The numbers of a text, each with its possible readings .</summary>
    public static IEnumerable<IReadOnlyList<decimal>> Numbers(string text)
    {
        foreach (Match match in Number().Matches(text))
        {
            var token = match.Value;
            var readings = new List<decimal>();
            foreach (var culture in new[] { "pt-BR", "en-US" })
            {
                if (decimal.TryParse(token, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.GetCultureInfo(culture), out var value))
                    readings.Add(value);
            }
            if (readings.Count == 0 && decimal.TryParse(token.Replace(",", "").Replace(".", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
                readings.Add(digits);
            yield return readings;
        }
    }

    [GeneratedRegex(@"\d(?:[\d.,]*\d)?")]
    private static partial Regex Number();
}
