using Microsoft.Extensions.Localization;

namespace SalesCrm.Web.Components.Shared;

/// <summary>
/// A count's words in the UI language: the resource <c>Key_one</c> for exactly one ("1 negócio", "1 deal"), <c>Key</c>
/// for every other count, zero included ("0 negócios", "2 deals") — the two forms pt-BR and en use in this UI.
/// </summary>
public static class Plurals
{
    /// <summary>The text of <paramref name="key"/> for <paramref name="count"/>, formatted with <paramref name="args"/> when given.</summary>
    public static string For(IStringLocalizer localizer, string key, long count, params object?[] args)
    {
        var one = count == 1 ? localizer[key + "_one"] : null;
        var text = one is { ResourceNotFound: false } ? one.Value : localizer[key].Value;
        return args.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.CurrentCulture, text, args);
    }
}
