using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using SalesCrm.Web;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The shared strings in one culture, as pages get them, for tests of code that takes an <see cref="IStringLocalizer"/>.</summary>
public sealed class ResourceLocalizer(CultureInfo culture) : IStringLocalizer
{
    public static readonly ResourceManager Strings = new("SalesCrm.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static ResourceLocalizer For(string culture) => new(CultureInfo.GetCultureInfo(culture));

    public LocalizedString this[string name] => Strings.GetString(name, culture) is { } value ? new(name, value) : new(name, name, resourceNotFound: true);
    public LocalizedString this[string name, params object[] arguments] => this[name];
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}

/// <summary>Runs a test's formatting in one culture (dates, numbers) and restores the previous one.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
}
