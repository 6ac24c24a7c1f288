using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Components;

/// <summary>The host's messages open bottom-left, clear of the toolbars at the top right of every page.</summary>
public sealed class SnackbarPlacementTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void Messages_open_bottom_left_not_over_the_top_right_toolbars()
    {
        // The snackbar service itself needs a live circuit's NavigationManager; it reads exactly these options.
        var configuration = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SnackbarConfiguration>>().Value;

        Assert.Equal(Defaults.Classes.Position.BottomLeft, configuration.PositionClass);
    }
}
