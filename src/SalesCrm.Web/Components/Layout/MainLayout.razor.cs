using Microsoft.JSInterop;
using MudBlazor;

namespace SalesCrm.Web.Components.Layout;

public partial class MainLayout : IAsyncDisposable
{
    [Microsoft.AspNetCore.Components.Inject] private IJSRuntime JS { get; set; } = default!;

    private MudThemeProvider? _theme;
    private IJSObjectReference? _app;
    private bool _drawerOpen = true;
    private bool _interactive;
    private bool DarkMode { get; set; }

    private static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#594ae2", AppbarBackground = "#594ae2" },
        PaletteDark = new PaletteDark { Primary = "#7e6fff" },
    };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        try
        {
            _app = await JS.InvokeAsync<IJSObjectReference>("import", "./lib/app/app.js");
            var saved = await _app.InvokeAsync<bool?>("getDarkMode");
            DarkMode = saved ?? (_theme is not null && await _theme.GetSystemDarkModeAsync());
        }
        catch (JSDisconnectedException)
        {
            // The browser left before the first render finished.
            return;
        }
        // Tests wait for this marker: the circuit is live and handlers are attached.
        _interactive = true;
        StateHasChanged();
    }

    private async Task ToggleDark()
    {
        DarkMode = !DarkMode;
        if (_app is not null) await _app.InvokeVoidAsync("setDarkMode", DarkMode);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_app is not null) await _app.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; nothing to release in the browser.
        }
    }
}
