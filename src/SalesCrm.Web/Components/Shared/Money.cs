using System.Globalization;

namespace SalesCrm.Web.Components.Shared;

/// <summary>Formats amounts in their own currency's customary style (R$ 1.500,00; $1,500.00).</summary>
public static class Money
{
    private static readonly Dictionary<string, string> Cultures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BRL"] = "pt-BR", ["USD"] = "en-US", ["EUR"] = "pt-PT", ["MXN"] = "es-MX", ["ARS"] = "es-AR", ["CLP"] = "es-CL", ["COP"] = "es-CO",
    };

    public static string Format(decimal value, string currency)
    {
        if (Cultures.TryGetValue(currency, out var name)) return value.ToString("C", CultureInfo.GetCultureInfo(name));
        return $"{currency} {value.ToString("N2", CultureInfo.CurrentCulture)}";
    }

    /// <summary>Compact form for column headers: R$ 12,3 mil.</summary>
    public static string Compact(decimal value, string currency)
    {
        var culture = Cultures.TryGetValue(currency, out var name) ? CultureInfo.GetCultureInfo(name) : CultureInfo.CurrentCulture;
        var symbol = culture.NumberFormat.CurrencySymbol;
        return value switch
        {
            >= 1_000_000 => $"{symbol} {(value / 1_000_000).ToString("0.#", culture)}M",
            >= 10_000 => $"{symbol} {(value / 1_000).ToString("0.#", culture)}k",
            _ => value.ToString("C0", culture),
        };
    }
}
