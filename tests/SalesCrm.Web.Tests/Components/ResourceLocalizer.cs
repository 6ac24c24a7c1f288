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

    private static readonly ResourceManagerStringLocalizerFactory Factory = new(
        Microsoft.Extensions.Options.Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    /// <summary>A page's typed localizer (<c>IStringLocalizer&lt;WorkflowRunsResource&gt;</c>…) as the app builds it; it reads the current UI culture.</summary>
    public static IStringLocalizer<TResource> Of<TResource>() => new StringLocalizer<TResource>(Factory);

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
