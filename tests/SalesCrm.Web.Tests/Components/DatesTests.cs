using System.Globalization;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Tests.Components;

public class DatesTests
{
    [Theory]
    [InlineData("pt-BR", "25/11 21:41")]
    [InlineData("en", "11/25 9:41 PM")]
    public void Day_and_time_leave_out_the_year_in_the_readers_order(string culture, string expected)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, Dates.DayAndTime(new DateTime(2026, 11, 25, 21, 41, 0)).Replace('\u202F', ' '));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
