using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using SalesCrm.Core.Analytics;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Reports;

/// <summary>
/// A dashboard tab: loads its report from the service whenever the page's filters (<see cref="Request"/>) change. The services
/// check <c>reports.view</c> and apply the caller's visibility (a rep with <c>own</c> gets their own figures only).
/// </summary>
public abstract class ReportTab<TReport> : ServiceComponentBase, IDisposable where TReport : class
{
    [Inject] private PersistentComponentState State { get; set; } = default!;

    [Parameter, EditorRequired] public AnalyticsRequest Request { get; set; } = new();
    [Parameter] public EventCallback<ReportDrill> OnDrill { get; set; }
    /// <summary>Asks the page to show figures in another currency (from a mixed-currency note).</summary>
    [Parameter] public EventCallback<string> OnCurrency { get; set; }

    protected TReport? Report { get; private set; }
    private AnalyticsRequest? _loaded;
    private PersistingComponentStateSubscription? _persisting;

    /// <summary>The key the prerendered report is handed to the circuit under (one tab of a kind is shown at a time).</summary>
    private static string StateKey => "report-" + typeof(TReport).Name;

    /// <summary>Largest report (JSON bytes) handed to the circuit in the page.</summary>
    private const int MaxStateBytes = 96 * 1024;

    protected abstract Task<TReport> LoadAsync(AnalyticsRequest request);

    /// <summary>
    /// Loads when the filters change. The prerender loads the report and hands it to the circuit in the page
    /// (<see cref="PersistentComponentState"/>), so the charts are in the first paint and the interactive render does not run
    /// the same queries again (ADR 056; ADR 036 loaded only once interactive, and the queries then shared the two cores with
    /// the browser starting the page).
    /// </summary>
    protected override void OnInitialized()
    {
        if (!RendererInfo.IsInteractive)
            _persisting = State.RegisterOnPersisting(() =>
            {
                // A report too large for the circuit's start message (256 kB with the data protection's overhead) is loaded again instead.
                if (Report is not null && System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Report, System.Text.Json.JsonSerializerOptions.Web).Length <= MaxStateBytes)
                    State.PersistAsJson(StateKey, Report);
                return Task.CompletedTask;
            }, RenderMode.InteractiveServer);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Request == _loaded) return;
        if (_loaded is null && State.TryTakeFromJson<TReport>(StateKey, out var prerendered) && prerendered is not null)
        {
            _loaded = Request;
            Report = prerendered;
            return;
        }
        await ReloadAsync();
    }

    public void Dispose() => _persisting?.Dispose();

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
