using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Identity;

public partial class Roles
{
    [Inject] private RoleService RoleService { get; set; } = default!;

    private IReadOnlyList<RoleDto> _roles = [];
    private string? _newName;

    protected override Task OnInitializedAsync() => RunAsync(LoadAsync);

    private async Task LoadAsync() => _roles = await RoleService.ListAsync();

    private async Task CreateAsync()
    {
        if (await RunAsync(() => RoleService.CreateAsync(_newName, [], null), L["RoleCreated"]))
        {
            _newName = null;
            await RunAsync(LoadAsync);
        }
    }

    private async Task RenameAsync(RoleDto role, string name)
    {
        await RunAsync(() => RoleService.UpdateAsync(role.Id, name, null, null), L["Saved"]);
        await RunAsync(LoadAsync);
    }

    private async Task VisibilityAsync(RoleDto role, VisibilityScope scope)
    {
        await RunAsync(() => RoleService.UpdateAsync(role.Id, null, null, scope), L["Saved"]);
        await RunAsync(LoadAsync);
    }

    private async Task DeleteAsync(RoleDto role)
    {
        if (!await ConfirmAsync(string.Format(L["DeleteRoleQuestion"], role.Name), L["Delete"])) return;
        if (await RunAsync(() => RoleService.DeleteAsync(role.Id), L["RoleDeleted"])) await RunAsync(LoadAsync);
    }

    private async Task SaveCapabilitiesAsync(RoleCapabilitiesChange change)
    {
        await RunAsync(() => RoleService.SetCapabilitiesAsync(change.RoleId, change.Capabilities), L["Saved"]);
        await RunAsync(LoadAsync);
    }
}
