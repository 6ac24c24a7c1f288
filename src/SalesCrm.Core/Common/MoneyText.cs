using System.Globalization;

namespace SalesCrm.Core.Common;

/// <summary>
/// Writes an amount of money into a sentence (an e-mail digest, an insight, an assistant answer, a message template): the
/// currency's symbol as Brazilian and Latin American readers know it (<c>R$</c>, <c>US$</c>, <c>€</c>; any other ISO code as
/// written), a space, and the amount with two decimals in the reader's culture — <c>R$ 1.234,56</c> in pt-BR,
/// <c>R$ 1,234.56</c> in en. The reader of <see cref="MoneyParser"/> accepts every form this writes.
/// </summary>
public static class MoneyText
{
    /// <summary>The symbol written for an ISO 4217 code (<c>BRL</c> → <c>R$</c>, <c>USD</c> → <c>US$</c>, <c>EUR</c> → <c>€</c>); other codes upper-cased.</summary>
    public static string Symbol(string currency) => currency.Trim().ToUpperInvariant() switch
    {
        "BRL" => "R$",
        "USD" => "US$",
        "EUR" => "€",
        var code => code,
    };

    /// <summary>
    /// <paramref name="amount"/> in major units (reais, not cents) of <paramref name="currency"/> (ISO 4217), in
    /// <paramref name="culture"/>'s digits: <c>R$ 3.500,50</c>; a negative amount as <c>-R$ 10,00</c>.
    /// </summary>
    public static string Format(decimal amount, string currency, CultureInfo culture) =>
        (amount < 0 ? "-" : "") + Symbol(currency) + " " + Math.Abs(amount).ToString("#,0.00", culture);
}
