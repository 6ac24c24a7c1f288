using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Identity;

public partial class Login
{
    [Inject] private SignInManager<AppUser> SignIn { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IConfiguration Configuration { get; set; } = default!;

    [SupplyParameterFromForm] private LoginForm? Input { get; set; }
    [SupplyParameterFromQuery(Name = "return_url")] private string? ReturnUrl { get; set; }

    /// <summary>ASP.NET Identity's usual spelling (<c>?ReturnUrl=/workflows</c>), as links and bookmarks from elsewhere carry it.</summary>
    [SupplyParameterFromQuery(Name = "ReturnUrl")] private string? AspNetReturnUrl { get; set; }
    [SupplyParameterFromQuery(Name = "error")] private string? ErrorCode { get; set; }

    private string? Error { get; set; }
    private bool EntraEnabled => EntraSetup.IsConfigured(Configuration);
    private bool AllowRegistration => Configuration.GetValue("Auth:AllowSelfRegistration", true);

    protected override void OnInitialized()
    {
        Input ??= new();
        ReturnUrl ??= AspNetReturnUrl;
        if (ErrorCode is not null) Error = L[ErrorCode == "external-unknown" ? "ExternalUnknown" : "ExternalFailed"];
    }

    private async Task LoginAsync()
    {
        if (string.IsNullOrWhiteSpace(Input!.Email) || string.IsNullOrWhiteSpace(Input!.Password))
        {
            Error = L["EmailAndPasswordRequired"];
            return;
        }
        var result = await SignIn.PasswordSignInAsync(Input!.Email.Trim(), Input!.Password, Input!.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Navigation.NavigateTo(SalesCrm.Web.Infrastructure.LocalUrl.Safe(ReturnUrl), forceLoad: true);
            return;
        }
        Error = result.IsLockedOut ? L["LockedOut"] : L["InvalidLogin"];
    }

    public sealed class LoginForm
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public bool RememberMe { get; set; } = true;
    }
}
