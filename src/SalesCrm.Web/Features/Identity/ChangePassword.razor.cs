using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Identity;

public partial class ChangePassword
{
    [Inject] private UserAccounts Accounts { get; set; } = default!;
    [Inject] private UserManager<AppUser> Users { get; set; } = default!;
    [Inject] private SignInManager<AppUser> SignIn { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm] private PasswordForm? Input { get; set; }

    protected override void OnInitialized() => Input ??= new();
    private string? Message { get; set; }
    private bool Success { get; set; }

    private async Task ChangeAsync()
    {
        var user = await Users.GetUserAsync(HttpContext.User);
        if (user is null) return;
        try
        {
            await Accounts.ChangePasswordAsync(user.Id, Input!.Current, Input!.New);
            await SignIn.RefreshSignInAsync(await Users.FindByIdAsync(user.Id.ToString()) ?? user);
            Success = true;
            Message = L["PasswordChanged"];
        }
        catch (ValidationException)
        {
            Message = L["PasswordChangeFailed"];
        }
    }

    public sealed class PasswordForm
    {
        public string Current { get; set; } = "";
        public string New { get; set; } = "";
    }
}
