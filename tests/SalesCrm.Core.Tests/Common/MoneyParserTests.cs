using SalesCrm.Core.Common;

namespace SalesCrm.Core.Tests.Common;

public class MoneyParserTests
{
    [Theory]
    [InlineData("R$ 1.500", "1500")]
    [InlineData("1.500,00", "1500")]
    [InlineData("2.000.000", "2000000")]
    [InlineData("R$ 1.234,56", "1234.56")]
    [InlineData("1500", "1500")]
    [InlineData("R$1.500,50", "1500.50")]
    [InlineData("1500,5", "1500.5")]
    [InlineData("1500.50", "1500.50")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("1.234.567,89", "1234567.89")]
    [InlineData("1,500", "1.5")]
    [InlineData("0.500", "0.5")]
    [InlineData(" 1 500,00 BRL", "1500")]
    [InlineData("R$\u00a01.500,00", "1500")]
    public void Brazilian_amounts_are_read_in_a_pt_BR_workspace(string text, string expected)
    {
        Assert.True(MoneyParser.TryParse(text, "pt-BR", out var value), text);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("$1,500.00", "1500")]
    [InlineData("1,500", "1500")]
    [InlineData("2,000,000", "2000000")]
    [InlineData("1.500", "1.5")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("US$ 1,234.56", "1234.56")]
    public void American_amounts_are_read_in_an_en_US_workspace(string text, string expected)
    {
        Assert.True(MoneyParser.TryParse(text, "en-US", out var value), text);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,5 mil")]
    [InlineData("1.5k")]
    [InlineData("1.50.0")]
    [InlineData("1.2,3.4")]
    [InlineData("1,2,3")]
    [InlineData("R$")]
    [InlineData("12a")]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("9.999.999.999.999.999")]
    [InlineData("1.234.567,891")]
    [InlineData("10,005")]
    public void Unreadable_amounts_are_refused_rather_than_guessed(string text) =>
        Assert.False(MoneyParser.TryParse(text, "pt-BR", out _), text);

    [Fact]
    public void A_negative_amount_keeps_its_sign_for_the_caller_to_judge()
    {
        Assert.True(MoneyParser.TryParse("-R$ 1.500", "pt-BR", out var value));
        Assert.Equal(-1500m, value);
    }

    [Theory]
    [InlineData("1500.12", true)]
    [InlineData("1500.120", true)]
    [InlineData("-3.5", true)]
    [InlineData("1500.123", false)]
    [InlineData("0.001", false)]
    [InlineData("1000000000000000.01", false)]
    public void A_number_is_an_amount_by_the_same_rule_as_text_at_most_two_decimals_and_within_range(string number, bool amount) =>
        Assert.Equal(amount, MoneyParser.IsAmount(decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture)));
}
