using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Gives MudBlazor's built-in texts ("Rows per page:", "Filter value", "1-25 of 60") in the reader's language. MudBlazor
/// ships English only and asks this localizer for other cultures; for English, and for any key not translated here, it
/// keeps its own English text.
/// </summary>
public sealed class CrmMudLocalizer(IStringLocalizer<MudTranslations> translations) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "pt" ? translations[key] : new LocalizedString(key, key, resourceNotFound: true);
}
