using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Analytics;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Reports;

/// <summary>
/// A dashboard tab: loads its report from the service whenever the page's filters (<see cref="Request"/>) change. The services
/// check <c>reports.view</c> and apply the caller's visibility (a rep with <c>own</c> gets their own figures only).
/// </summary>
public abstract class ReportTab<TReport> : ServiceComponentBase where TReport : class
{
    [Parameter, EditorRequired] public AnalyticsRequest Request { get; set; } = new();
    [Parameter] public EventCallback<ReportDrill> OnDrill { get; set; }
    /// <summary>Asks the page to show figures in another currency (from a mixed-currency note).</summary>
    [Parameter] public EventCallback<string> OnCurrency { get; set; }

    protected TReport? Report { get; private set; }
    private AnalyticsRequest? _loaded;

    protected abstract Task<TReport> LoadAsync(AnalyticsRequest request);

    /// <summary>
    /// Loads when the filters change — but not while the page is prerendered: the interactive render loads the report again
    /// anyway, so querying during the prerender only made the charts wait for the same queries twice (ADR 036).
    /// </summary>
    protected override async Task OnParametersSetAsync()
    {
        if (Request == _loaded || !RendererInfo.IsInteractive) return;
        await ReloadAsync();
    }

    protected async Task ReloadAsync()
    {
        _loaded = Request;
        await RunAsync(async () => Report = await LoadAsync(Request));
    }

    /// <summary>Series names from resource keys.</summary>
    protected IReadOnlyList<string> Names(params string[] keys) => keys.Select(k => L[k].Value).ToList();

    /// <summary>A distribution bucket as read: "até 5 min", "mais de 24 h".</summary>
    protected string BucketLabel(DurationBucket bucket) => bucket.UpToMinutes is { } m
        ? string.Format(L["ReportUpTo"], Minutes(m))
        : string.Format(L["ReportOver"], Minutes(1440));

    /// <summary>The won ones among a lead-list drill-down (a cohort's "won" bar: leads of the group now won).</summary>
    protected static string WonOnly(string url) => url + (url.Contains('?') ? "&" : "?") + "status=eq.won";

    protected Task DrillAsync(string title, string url) => OnDrill.InvokeAsync(new ReportDrill(title, url));

    protected string Money(decimal value, string currency) => Components.Shared.Money.Format(value, currency);

    protected static string Percent(double? rate) => rate is { } r ? r.ToString("P0", System.Globalization.CultureInfo.CurrentCulture) : "—";

    protected string Minutes(double? minutes) => minutes switch
    {
        null => "—",
        < 60 => string.Format(L["ReportMinutes"], minutes.Value.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)),
        < 1440 => string.Format(L["ReportHours"], (minutes.Value / 60).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)),
        _ => string.Format(L["ReportDays"], (minutes.Value / 1440).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)),
    };
}
