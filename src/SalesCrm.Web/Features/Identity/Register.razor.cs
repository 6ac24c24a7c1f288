using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Identity;

public partial class Register
{
    [Inject] private AuthService Auth { get; set; } = default!;
    [Inject] private SignInManager<AppUser> SignIn { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IConfiguration Configuration { get; set; } = default!;

    [SupplyParameterFromForm] private RegisterForm? Input { get; set; }

    protected override void OnInitialized() => Input ??= new();

    private string? Error { get; set; }
    private IReadOnlyDictionary<string, string[]> FieldErrors { get; set; } = new Dictionary<string, string[]>();
    private bool Allowed => Configuration.GetValue("Auth:AllowSelfRegistration", true);

    private async Task RegisterAsync()
    {
        if (!Allowed) return;
        try
        {
            var (user, _) = await Auth.CreateAccountAsync(Input!.Email, Input!.Password, Input!.Name, Input!.TenantName);
            await SignIn.SignInAsync(user, isPersistent: true);
            Navigation.NavigateTo("/", forceLoad: true);
        }
        catch (ValidationException e)
        {
            FieldErrors = e.Errors;
            Error = L["FixErrors"];
        }
        catch (ConflictException)
        {
            Error = L["EmailTaken"];
        }
    }

    private RenderFragment? FieldError(string field) => FieldErrors.ContainsKey(field)
        ? builder =>
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "class", "validation-message");
            builder.AddAttribute(2, "data-testid", $"error-{field}");
            builder.AddContent(3, field == "password" ? L["PasswordPolicy"].Value : L["FieldInvalid"].Value);
            builder.CloseElement();
        }
        : null;

    public sealed class RegisterForm
    {
        public string Name { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public string TenantName { get; set; } = "";
    }
}
