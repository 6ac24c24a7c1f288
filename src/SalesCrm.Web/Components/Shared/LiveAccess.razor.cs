using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Components.Shared;

/// <summary>
/// Applies a change of the signed-in member's rights (their role's capabilities or visibility, their role, their
/// membership) to the pages already open in this circuit: when <see cref="AccessSignal"/> fires for the workspace,
/// the circuit's cached rights are dropped and read again, and if they differ everything inside is rendered anew —
/// pages load their data again under the new visibility, menus and route guards check the new capabilities (a page
/// the member lost shows "access denied"). Members whose rights did not change keep their pages as they are.
/// </summary>
public partial class LiveAccess : IDisposable
{
    [Inject] private AccessService Access { get; set; } = default!;
    [Inject] private AccessSignal Signal { get; set; } = default!;
    [Inject] private ILogger<LiveAccess> Logger { get; set; } = default!;

    [Parameter] public RenderFragment? ChildContent { get; set; }

    private int _version;
    private Rights? _rights;
    private IDisposable? _watch;

    protected override async Task OnInitializedAsync()
    {
        if (Access.User.UserId is null || Access.User.TenantId is null) return;
        _rights = await ReadAsync();
        _watch = Signal.Watch(Access.User.TenantId, new LiveRefresh(InvokeAsync, RecheckAsync, Logger).Request);
    }

    private async Task RecheckAsync()
    {
        Access.Refresh();
        var now = await ReadAsync();
        if (_rights is { } before && before.Visibility == now.Visibility && before.Capabilities.SetEquals(now.Capabilities)) return;
        _rights = now;
        _version++;
        StateHasChanged();
    }

    private async Task<Rights> ReadAsync() => new(await Access.GetCapabilitiesAsync(), await Access.GetVisibilityAsync());

    public void Dispose() => _watch?.Dispose();

    private sealed record Rights(IReadOnlySet<string> Capabilities, VisibilityScope Visibility);
}
