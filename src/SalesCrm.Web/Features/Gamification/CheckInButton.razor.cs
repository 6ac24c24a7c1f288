using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using SalesCrm.Core.Gamification;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>
/// A phone-friendly check-in at a lead: asks the browser where it is (Geolocation API) and records the check-in
/// through <see cref="CheckInService"/>. A refused permission or missing fix says so instead of failing silently.
/// </summary>
public partial class CheckInButton
{
    [Parameter, EditorRequired] public Guid LeadId { get; set; }
    [Inject] private CheckInService CheckIns { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private bool _locating;
    private string? _error;
    private CheckInDto? _last;

    private async Task CheckInAsync()
    {
        _locating = true;
        _error = null;
        try
        {
            GeoFix fix;
            try
            {
                await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./lib/app/app.js");
                fix = await module.InvokeAsync<GeoFix>("currentPosition", 15000);
            }
            catch (JSException)
            {
                fix = new GeoFix(false, 0, 0, 0, "unsupported");
            }
            if (!fix.Ok)
            {
                _error = L[ErrorKey(fix.Error)];
                return;
            }
            await RunAsync(async () => _last = await CheckIns.CreateAsync(new CheckInInput(LeadId, fix.Lat, fix.Long, fix.Accuracy, null)), L["CheckInSaved"]);
        }
        catch (JSDisconnectedException)
        {
        }
        finally
        {
            _locating = false;
        }
    }

    /// <summary>The resource key explaining why there is no position.</summary>
    internal static string ErrorKey(string? error) => error switch
    {
        "denied" => "CheckInDenied",
        "timeout" => "CheckInTimeout",
        "unsupported" => "CheckInUnsupported",
        _ => "CheckInUnavailable",
    };
}
