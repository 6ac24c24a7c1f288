using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCrm.Web.Components.Shared;

/// <summary>Compact date and time text in the reader's culture.</summary>
public static partial class Dates
{
    /// <summary>Day and month without the year, then the time: "25/11 21:41" in pt-BR, "11/25 9:41 PM" in en.</summary>
    public static string DayAndTime(DateTime local)
    {
        var format = CultureInfo.CurrentCulture.DateTimeFormat;
        var dayMonth = YearPart().Replace(format.ShortDatePattern, "");
        return local.ToString(dayMonth, CultureInfo.CurrentCulture) + " " + local.ToString(format.ShortTimePattern, CultureInfo.CurrentCulture);
    }

    /// <summary>The year and the separator that joins it to the day or month ("/yyyy", "yyyy-").</summary>
    [GeneratedRegex("[^dM]*y+[^dM]*")]
    private static partial Regex YearPart();
}
