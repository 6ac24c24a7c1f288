using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// A duration setting (a delay, a timeout, an activity's due time) as a manager writes it: an amount and a unit —
/// minutes, hours or days — stored as the ISO 8601 duration the engine reads (<c>PT30M</c>, <c>PT48H</c>, <c>P2D</c>).
/// </summary>
/// <param name="Amount">Whole units, 1 or more.</param>
/// <param name="Unit"><c>minutes</c>, <c>hours</c> or <c>days</c>.</param>
public sealed partial record FriendlyDuration(int Amount, string Unit)
{
    /// <summary>The units offered, smallest first.</summary>
    public static readonly IReadOnlyList<string> Units = ["minutes", "hours", "days"];

    /// <summary>The ISO 8601 text stored in the settings.</summary>
    public string Iso => Unit switch
    {
        "days" => $"P{Amount}D",
        "hours" => $"PT{Amount}H",
        _ => $"PT{Amount}M",
    };

    /// <summary>
    /// Reads a stored ISO 8601 duration in the largest whole unit (<c>PT48H</c> → 2 days, <c>PT90M</c> → 90 minutes,
    /// <c>P1DT2H</c> → 26 hours); null when the text is no plain day/hour/minute duration (seconds, weeks, months, a typo),
    /// which the form then shows as text.
    /// </summary>
    public static FriendlyDuration? Read(string? iso)
    {
        if (iso is null || IsoShape().Match(iso.Trim().ToUpperInvariant()) is not { Success: true } m || m.Length <= 2) return null;
        static long Part(Group g) => g.Success ? long.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        var minutes = Part(m.Groups["d"]) * 1440 + Part(m.Groups["h"]) * 60 + Part(m.Groups["m"]);
        if (minutes <= 0 || minutes > int.MaxValue) return null;
        return minutes % 1440 == 0 ? new((int)(minutes / 1440), "days")
            : minutes % 60 == 0 ? new((int)(minutes / 60), "hours")
            : new((int)minutes, "minutes");
    }

    [GeneratedRegex(@"^P(?:(?<d>\d{1,6})D)?(?:T(?=\d)(?:(?<h>\d{1,6})H)?(?:(?<m>\d{1,7})M)?)?$")] private static partial Regex IsoShape();
}
