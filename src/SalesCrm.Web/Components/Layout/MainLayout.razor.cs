using Microsoft.JSInterop;
using MudBlazor;

namespace SalesCrm.Web.Components.Layout;

public partial class MainLayout : IAsyncDisposable
{
    [Microsoft.AspNetCore.Components.Inject] private IJSRuntime JS { get; set; } = default!;

    private MudThemeProvider? _theme;
    private IJSObjectReference? _app;
    private bool _drawerOpen = true;
    private bool _navigationFolded, _drawerOpenBeforeFold;
    private bool _interactive;
    private bool DarkMode { get; set; }

    private static readonly MudTheme Theme = new()
    {
        // Text and filled chips, avatars and alerts must read at 4.5:1 (WCAG AA, checked by AccessibilityTests with axe-core):
        // MudBlazor's default secondary, success, warning and error are too light under white text in light mode, and its
        // dark-mode colours too dark as text on the dark surface, so there filled ones carry dark text.
        PaletteLight = new PaletteLight
        {
            TextSecondary = "rgba(0,0,0,0.64)", Primary = "#594ae2", AppbarBackground = "#594ae2", Secondary = "#c2185b", Info = "#1976d2", Success = "#2e7d32", Warning = "#b45309", Error = "#d32f2f",
        },
        PaletteDark = new PaletteDark
        {
            TextSecondary = "rgba(255,255,255,0.72)", Primary = "#a59bff", PrimaryContrastText = "#000000", Secondary = "#ff80ab", SecondaryContrastText = "#000000", Info = "#64b5f6", InfoContrastText = "#000000",
            Success = "#66bb6a", SuccessContrastText = "#000000", Warning = "#ffb545", WarningContrastText = "#000000", Error = "#ff7a8a", ErrorContrastText = "#000000",
        },
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

    /// <summary>
    /// Folds the menu away for a page that needs the screen's width (the workflow designer's canvas gains the menu's
    /// 240 px); the menu button still opens it. <see cref="RestoreNavigation"/> gives it back as it was when the page leaves.
    /// </summary>
    public void FoldNavigation()
    {
        if (_navigationFolded) return;
        (_navigationFolded, _drawerOpenBeforeFold, _drawerOpen) = (true, _drawerOpen, false);
        StateHasChanged();
    }

    /// <summary>Undoes <see cref="FoldNavigation"/>: the menu is open again if it was before.</summary>
    public void RestoreNavigation()
    {
        if (!_navigationFolded) return;
        (_navigationFolded, _drawerOpen) = (false, _drawerOpenBeforeFold);
        _ = InvokeAsync(StateHasChanged); // called while the leaving page is disposed
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
