using MudBlazor;

namespace SalesCrm.Web.Components.Layout;

public partial class MainLayout
{
    private MudThemeProvider? _theme;
    private bool _drawerOpen = true;
    private bool DarkMode { get; set; }

    private static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#594ae2", AppbarBackground = "#594ae2" },
        PaletteDark = new PaletteDark { Primary = "#7e6fff" },
    };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _theme is not null)
        {
            DarkMode = await _theme.GetSystemDarkModeAsync();
            StateHasChanged();
        }
    }

    private void ToggleDark() => DarkMode = !DarkMode;
}
