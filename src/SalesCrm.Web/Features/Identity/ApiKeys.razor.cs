using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Identity;

public partial class ApiKeys
{
    [Inject] private ApiKeyService KeyService { get; set; } = default!;
    [Inject] private AccessService Access { get; set; } = default!;

    private IReadOnlyList<ApiKeyDto> _keys = [];
    private IReadOnlyList<string> _mine = [];
    private readonly HashSet<string> _scopes = new(StringComparer.Ordinal) { Capabilities.LeadsRead };
    private string? _name;
    private DateTime? _expires;
    private CreatedApiKey? _created;

    protected override Task OnInitializedAsync() => RunAsync(LoadAsync);

    private async Task LoadAsync()
    {
        var mine = await Access.GetCapabilitiesAsync();
        _mine = Capabilities.Available.Where(mine.Contains).ToList();
        _keys = await KeyService.ListAsync();
    }

    private void Toggle(string capability, bool on)
    {
        if (on) _scopes.Add(capability); else _scopes.Remove(capability);
    }

    private async Task CreateAsync()
    {
        var expires = _expires is { } d ? Clock.ToUtc(d.Date.AddDays(1)) : (DateTime?)null;
        if (await RunAsync(async () => _created = await KeyService.CreateAsync(_name, _scopes.ToList(), expires)))
        {
            _name = null;
            await RunAsync(LoadAsync);
        }
    }

    private async Task RevokeAsync(ApiKeyDto key)
    {
        if (!await ConfirmAsync(string.Format(L["RevokeKeyQuestion"], key.Name), L["Revoke"])) return;
        if (await RunAsync(() => KeyService.RevokeAsync(key.Id), L["Revoked"])) await RunAsync(LoadAsync);
    }
}
