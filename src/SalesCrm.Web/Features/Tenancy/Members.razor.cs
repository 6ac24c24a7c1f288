using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Features.Tenancy;

public partial class Members
{
    [Inject] private MemberService MemberService { get; set; } = default!;
    [Inject] private RoleService RoleService { get; set; } = default!;

    private IReadOnlyList<MemberDto> _members = [];
    private IReadOnlyList<RoleDto> _roles = [];
    private string? _email, _name, _password;
    private Guid? _roleId;

    protected override Task OnInitializedAsync() => RunAsync(LoadAsync);

    private async Task LoadAsync()
    {
        _roles = await RoleService.ListAsync();
        _members = (await MemberService.ListAsync(new PageRequest(PageRequest.MaxLimit))).Items;
        _roleId ??= _roles.FirstOrDefault(r => r.Key == SystemRoles.SalesRep)?.Id;
    }

    private async Task AddAsync()
    {
        var added = await RunAsync(() => MemberService.AddAsync(_email, _roleId,
            string.IsNullOrWhiteSpace(_name) ? null : _name, string.IsNullOrWhiteSpace(_password) ? null : _password), L["MemberAdded"]);
        if (!added) return;
        _email = _name = _password = null;
        await RunAsync(LoadAsync);
    }

    private async Task ChangeRoleAsync(MemberDto member, Guid roleId)
    {
        await RunAsync(() => MemberService.ChangeRoleAsync(member.Id, roleId), L["Saved"]);
        await RunAsync(LoadAsync);
    }

    private async Task RemoveAsync(MemberDto member)
    {
        if (!await ConfirmAsync(string.Format(L["RemoveMemberQuestion"], member.Name), L["Remove"])) return;
        if (await RunAsync(() => MemberService.RemoveAsync(member.Id), L["MemberRemoved"])) await RunAsync(LoadAsync);
    }
}
