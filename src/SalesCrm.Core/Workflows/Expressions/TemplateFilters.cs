using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>
/// The filters a template may apply, a fixed list (no user code): <c>first_name</c>, <c>upper</c>, <c>lower</c>,
/// <c>capitalize</c>, <c>trim</c>, <c>default: "text"</c>, <c>money</c> (pt-BR <c>R$ 1.234,56</c>; <c>money: "USD"</c>),
/// <c>date</c> (default <c>dd/MM/yyyy</c>, any .NET date pattern up to 40 characters, in the workspace zone and culture),
/// <c>truncate: 20</c>, <c>plural: "lead novo|leads novos"</c> (the count and the form that agrees with it: <c>1 lead novo</c>,
/// <c>0 leads novos</c>, <c>3 leads novos</c>). A filter that cannot read its input (money of a word, date of a number) gives empty text and a warning.
/// </summary>
public static class TemplateFilters
{
    private const int MaxDateFormatLength = 40;

    /// <summary>Names of the filters, for the designer's autocomplete and the docs.</summary>
    public static readonly IReadOnlyList<string> Names = ["first_name", "upper", "lower", "capitalize", "trim", "default", "money", "date", "truncate", "plural"];

    /// <summary>
    /// Applies one filter, written <c>name</c> or <c>name: arg</c> (arg: a "double" or 'single' quoted string or a bare
    /// word/number), to <paramref name="value"/> (null when the variable is missing). Problems go to <paramref name="warn"/>;
    /// an unknown filter leaves the value unchanged.
    /// </summary>
    public static JsonNode? Apply(string filter, JsonNode? value, WorkflowScope scope, Action<string> warn)
    {
        var colon = filter.IndexOf(':');
        var name = (colon < 0 ? filter : filter[..colon]).Trim();
        var arg = colon < 0 ? null : Unquote(filter[(colon + 1)..].Trim());
        var culture = scope.Culture;
        switch (name)
        {
            case "default":
                return IsBlank(value) ? JsonValue.Create(arg ?? "") : value;
            case "upper":
                return Text(value, v => v.ToUpper(culture));
            case "lower":
                return Text(value, v => v.ToLower(culture));
            case "trim":
                return Text(value, v => v.Trim());
            case "capitalize":
                return Text(value, v => NameCase.Title(v, culture));
            case "first_name":
                return Text(value, v => NameCase.FirstName(v, culture));
            case "truncate":
                if (!int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length is < 1 or > 10_000)
                {
                    warn("truncate takes a length from 1 to 10000.");
                    return value;
                }
                return Text(value, v => v.Length <= length ? v : v[..(char.IsHighSurrogate(v[length - 1]) ? length - 1 : length)].TrimEnd() + "…");
            case "money":
                if (IsBlank(value)) return value;
                if (!ScopeValues.TryNumber(value, culture, out var amount))
                {
                    warn($"money: '{Shorten(ScopeValues.Text(value))}' is not a number.");
                    return null;
                }
                return JsonValue.Create(Money(amount, arg));
            case "date":
                if (IsBlank(value)) return value;
                return Date(value, arg ?? "dd/MM/yyyy", scope, warn);
            case "plural":
                return Plural(value, arg, culture, warn);
            default:
                warn($"Unknown filter '{Shorten(name)}'; use {string.Join(", ", Names)}.");
                return value;
        }
    }

    /// <summary>How a value is written into the text: strings as they are, numbers in the workspace culture (<c>1500,5</c>), JSON for lists and objects, empty for null.</summary>
    public static string Display(JsonNode? value, CultureInfo culture)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out decimal d)) return d.ToString(culture);
        return ScopeValues.Text(value);
    }

    private static string Money(decimal amount, string? currency)
    {
        var code = (currency ?? "BRL").ToUpperInvariant() switch
        {
            "R$" => "BRL",
            "US$" => "USD",
            "€" => "EUR",
            var other => other.Length <= 3 && other.All(char.IsAsciiLetter) ? other : "BRL",
        };
        return Common.MoneyText.Format(amount, code, CultureInfo.GetCultureInfo("pt-BR"));
    }

    /// <summary>
    /// "3 leads novos" from 3 and <c>"lead novo|leads novos"</c>: the singular form for exactly one (±1), the plural for
    /// everything else, zero and fractions included — how pt-BR and English write counts ("0 leads", "1,5 leads").
    /// </summary>
    private static JsonNode? Plural(JsonNode? value, string? forms, CultureInfo culture, Action<string> warn)
    {
        var bar = forms?.IndexOf('|') ?? -1;
        if (forms is null || bar < 0)
        {
            warn("plural takes both forms: plural: \"lead novo|leads novos\".");
            return value;
        }
        if (IsBlank(value)) return value;
        if (!ScopeValues.TryNumber(value, culture, out var count))
        {
            warn($"plural: '{Shorten(ScopeValues.Text(value))}' is not a number.");
            return value;
        }
        var form = (Math.Abs(count) == 1 ? forms[..bar] : forms[(bar + 1)..]).Trim();
        return JsonValue.Create(count.ToString(culture) + (form.Length == 0 ? "" : " " + form));
    }

    private static JsonNode? Date(JsonNode? value, string format, WorkflowScope scope, Action<string> warn)
    {
        if (format.Length > MaxDateFormatLength || format.Any(char.IsControl))
        {
            warn($"date: the format must be at most {MaxDateFormatLength} characters.");
            return null;
        }
        if (!ScopeValues.TryDate(value, scope.TimeZone, out var utc, out var dateOnly))
        {
            warn($"date: '{Shorten(ScopeValues.Text(value))}' is not a date.");
            return null;
        }
        var local = dateOnly ? TimeZoneInfo.ConvertTimeFromUtc(utc, scope.TimeZone).Date : TimeZoneInfo.ConvertTimeFromUtc(utc, scope.TimeZone);
        try
        {
            // A one-letter pattern is a standard format ("d"); a custom one is taken as written.
            return JsonValue.Create(local.ToString(format, scope.Culture));
        }
        catch (FormatException)
        {
            warn($"date: '{Shorten(format)}' is not a date format.");
            return null;
        }
    }

    private static JsonNode? Text(JsonNode? value, Func<string, string> map) =>
        IsBlank(value) ? value : JsonValue.Create(map(ScopeValues.Text(value)));

    private static bool IsBlank(JsonNode? value) => ScopeValues.IsNull(value) || value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(ScopeValues.StringOf(v));

    private static string? Unquote(string arg)
    {
        if (arg.Length >= 2 && (arg[0] == '"' && arg[^1] == '"' || arg[0] == '\'' && arg[^1] == '\''))
        {
            var result = new StringBuilder(arg.Length);
            for (var i = 1; i < arg.Length - 1; i++)
            {
                if (arg[i] == '\\' && i + 1 < arg.Length - 1) i++;
                result.Append(arg[i]);
            }
            return result.ToString();
        }
        return arg.Length == 0 ? null : arg;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
