using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;
using SalesCrm.Core.Gamification;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>
/// A phone-friendly check-in at a lead: asks the browser where it is (Geolocation API), takes an optional note and an
/// optional photo (the phone's camera), records the check-in through <see cref="CheckInService"/> and lists the lead's
/// recent check-ins. A refused permission or missing fix says so instead of failing silently; a photo too big or not an
/// image is refused before it is sent.
/// </summary>
public partial class CheckInButton
{
    /// <summary>Photo types the service stores (it also checks the bytes).</summary>
    internal static readonly IReadOnlySet<string> PhotoTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/webp" };

    [Parameter, EditorRequired] public Guid LeadId { get; set; }
    [Inject] private CheckInService CheckIns { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private bool _locating, _reading;
    private string? _error;
    private string? _note;
    private byte[]? _photo;
    private string? _photoType;
    private string? _photoProblem;
    private CheckInDto? _last;
    private IReadOnlyList<CheckInDto>? _recent;

    protected override IReadOnlyCollection<string> ShownFields => ["note", "photo"];

    /// <summary>What is wrong with the chosen photo: read in the browser, or said by the service.</summary>
    private string? PhotoError => _photoProblem ?? ErrorOf("photo");

    private Guid _listed;

    protected override async Task OnParametersSetAsync()
    {
        if (LeadId == _listed) return;
        _listed = LeadId;
        await LoadRecentAsync();
    }

    private Task LoadRecentAsync() => RunAsync(async () => _recent = (await CheckIns.ListAsync(new CheckInFilter(LeadId, Limit: 5))).Items);

    private async Task PhotoChosenAsync(InputFileChangeEventArgs e)
    {
        (_photo, _photoType, _photoProblem) = (null, null, null);
        var file = e.File;
        if (!PhotoTypes.Contains(file.ContentType)) { _photoProblem = L["CheckInPhotoType"]; return; }
        if (file.Size > CheckInService.MaxPhotoBytes) { _photoProblem = string.Format(L["CheckInPhotoTooBig"], CheckInService.MaxPhotoBytes / (1024 * 1024)); return; }
        _reading = true;
        try
        {
            await using var stream = file.OpenReadStream(CheckInService.MaxPhotoBytes);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            (_photo, _photoType) = (buffer.ToArray(), file.ContentType);
        }
        finally
        {
            _reading = false;
        }
    }

    private async Task CheckInAsync()
    {
        if (_photoProblem is not null) return;
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
            var input = new CheckInInput(LeadId, fix.Lat, fix.Long, fix.Accuracy, _note, _photo, _photoType);
            if (await RunAsync(async () => _last = await CheckIns.CreateAsync(input), L["CheckInSaved"]))
            {
                (_note, _photo, _photoType) = (null, null, null);
                await LoadRecentAsync();
            }
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
