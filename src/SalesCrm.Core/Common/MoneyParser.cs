using System.Globalization;

namespace SalesCrm.Core.Common;

/// <summary>
/// Reads an amount of money typed by a person or a spreadsheet, in the workspace's culture. The one money reader for CSV
/// import and every inbound mapper (Zapier, Meta lead forms), so <c>1.500,00</c> means the same thing everywhere.
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="number">
/// <item>A known currency marker (<c>R$</c>, <c>US$</c>, <c>$</c>, <c>€</c>, <c>£</c>, <c>BRL</c>, <c>USD</c>, <c>EUR</c>) before or after
/// the number and all spaces are ignored. Any other letter makes the text unreadable (<c>1,5 mil</c> is not guessed).</item>
/// <item>With both <c>.</c> and <c>,</c> the last one is the decimal separator, the other groups thousands
/// (<c>1.234,56</c> and <c>1,234.56</c> are both 1234.56).</item>
/// <item>A separator that occurs more than once groups thousands (<c>2.000.000</c> is 2000000).</item>
/// <item>A single separator followed by exactly three digits, after one to three digits, is ambiguous: the culture
/// decides (pt-BR <c>1.500</c> is 1500, en-US <c>1,500</c> is 1500; pt-BR <c>1,500</c> is 1.5). Any other single
/// separator can only be a decimal separator (<c>1500.50</c> is 1500.5 in every culture).</item>
/// <item>Thousands groups must have three digits (<c>1.50.0</c> is unreadable); a leading <c>-</c> is kept.</item>
/// <item>More than <see cref="MaxAmount"/> is unreadable (lead values are stored as whole cents in 64 bits), and so is
/// more than two significant decimals: the same rule as for numbers that arrive as numbers (<see cref="IsAmount"/>).</item>
/// </list>
/// Unreadable text returns <c>false</c>: callers report it (row error, inbox warning) and keep the text; never 0.
/// </remarks>
public static class MoneyParser
{
    /// <summary>The largest amount read: a quadrillion, well inside what a lead's value in cents (a 64-bit integer) holds.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    private static readonly string[] CurrencyMarkers = ["US$", "R$", "BRL", "USD", "EUR", "$", "€", "£"];

    /// <summary>Reads <paramref name="text"/> with the group separator of <paramref name="culture"/> (e.g. <c>pt-BR</c>, <c>en-US</c>).</summary>
    public static bool TryParse(string? text, string? culture, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        s = StripCurrency(s);
        var negative = s.StartsWith('-');
        if (negative) s = StripCurrency(s[1..]);
        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c is '.' or ',') || !s.Any(char.IsAsciiDigit)) return false;

        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        char? decimalSeparator;
        if (lastDot >= 0 && lastComma >= 0) decimalSeparator = lastDot > lastComma ? '.' : ',';
        else if (lastDot < 0 && lastComma < 0) decimalSeparator = null;
        else
        {
            var separator = lastDot >= 0 ? '.' : ',';
            var parts = s.Split(separator);
            var ambiguous = parts.Length == 2 && parts[0].Length is >= 1 and <= 3 && parts[0][0] != '0' && parts[1].Length == 3;
            decimalSeparator = parts.Length > 2 ? null
                : ambiguous ? (separator == GroupSeparator(culture) ? null : separator)
                : separator;
        }

        var integer = s;
        var fraction = "";
        if (decimalSeparator is { } d)
        {
            var at = s.LastIndexOf(d);
            if (s.IndexOf(d) != at) return false;
            integer = s[..at];
            fraction = s[(at + 1)..];
            if (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit)) return false;
        }
        if (!ValidGroups(integer)) return false;
        var normalized = (integer.Replace(".", "").Replace(",", "") is { Length: > 0 } digits ? digits : "0") + (fraction.Length > 0 ? "." + fraction : "");
        if (!decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) || !IsAmount(value))
        {
            value = 0;
            return false;
        }
        if (negative) value = -value;
        return true;
    }

    /// <summary>
    /// Whether a number (read from text, or sent as a JSON number) is an amount: at most <see cref="MaxAmount"/> either
    /// way and at most two significant decimals. Amounts are kept in cents, so <c>1500.123</c> would be rounded silently
    /// (and <c>1.234.567,891</c> is a typo, not R$ 1.234.567,89): it is unreadable rather than guessed.
    /// </summary>
    public static bool IsAmount(decimal value) => Math.Abs(value) <= MaxAmount && decimal.Round(value, 2) == value;

    /// <summary>The thousands separator of a culture name: <c>.</c> where the decimal separator is a comma (pt-BR, es, de), else <c>,</c>.</summary>
    public static char GroupSeparator(string? culture)
    {
        try
        {
            var format = CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(culture) ? "pt-BR" : culture).NumberFormat;
            return format.NumberDecimalSeparator == "," ? '.' : ',';
        }
        catch (CultureNotFoundException)
        {
            return '.';
        }
    }

    private static string StripCurrency(string s)
    {
        foreach (var marker in CurrencyMarkers)
        {
            if (s.StartsWith(marker, StringComparison.OrdinalIgnoreCase)) return s[marker.Length..];
            if (s.EndsWith(marker, StringComparison.OrdinalIgnoreCase)) return s[..^marker.Length];
        }
        return s;
    }

    /// <summary>An integer part with separators must be 1–3 digits, then groups of exactly three, one separator kind.</summary>
    private static bool ValidGroups(string integer)
    {
        if (!integer.Any(c => c is '.' or ',')) return true;
        if (integer.Contains('.') && integer.Contains(',')) return false;
        var groups = integer.Split(integer.Contains('.') ? '.' : ',');
        return groups[0].Length is >= 1 and <= 3 && groups[0][0] != '0' && groups.Skip(1).All(g => g.Length == 3);
    }
}
