using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// The side panel's toolbar panels (versions, dry run, bot funnel) open at its top; a user scrolled down the panel (a long
/// node form, the problems list) would not see one open, so the one just opened is scrolled into view once drawn. A step
/// added from the side panel (the keyboard's way) takes the focus to its first setting, not back to the page.
/// </summary>
public partial class WorkflowDesignerPage
{
    [Inject] private IScrollManager Scroll { get; set; } = default!;

    private string? _reveal;
    private ElementReference _side;
    private bool _focusSettings;

    private async Task AddFromSidePanelAsync()
    {
        if (_typeToAdd is not { } type) return;
        await AddFromPaletteAsync(type);
        _focusSettings = true;
    }

    /// <summary>Scrolls the element with this <c>data-testid</c> into view after the next render.</summary>
    private void Reveal(string testId) => _reveal = testId;

    private async Task RevealOpenedPanelAsync()
    {
        if (_focusSettings && _module is not null)
        {
            _focusSettings = false;
            try
            {
                await _module.InvokeVoidAsync("focusFirstField", _side);
            }
            catch (JSDisconnectedException) { }
        }
        if (_reveal is not { } testId) return;
        _reveal = null;
        try
        {
            await Scroll.ScrollIntoViewAsync($"[data-testid={testId}]", ScrollBehavior.Smooth);
        }
        catch (JSDisconnectedException) { }
        catch (InvalidOperationException) { } // prerendering or a test renderer without a browser
    }
}
