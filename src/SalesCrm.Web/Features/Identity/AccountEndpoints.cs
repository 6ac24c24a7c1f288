using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Identity;

/// <summary>Browser-only endpoints behind the UI's forms: sign-out, tenant switch, culture, Microsoft sign-in.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/logout", Logout);
        account.MapPost("/switch-tenant", SwitchTenant).RequireAuthorization();
        account.MapGet("/culture", SetCulture).AllowAnonymous();
        account.MapGet("/external-login", ExternalLogin).AllowAnonymous();
        account.MapGet("/external-callback", ExternalCallback).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> Logout(SignInManager<AppUser> signIn, [FromForm(Name = "return_url")] string? returnUrl)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }

    private static async Task<IResult> SwitchTenant(HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users,
        CapabilityResolver resolver, [FromForm(Name = "tenant_id")] Guid tenantId, [FromForm(Name = "return_url")] string? returnUrl)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.LocalRedirect("/account/login");
        if (!await resolver.IsMemberAsync(user.Id, tenantId)) return TypedResults.Forbid();
        user.LastTenantId = tenantId;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return TypedResults.LocalRedirect(LocalUrl.Safe(returnUrl));
    }

    private static IResult SetCulture(HttpContext http, string culture, [FromQuery(Name = "return_url")] string? returnUrl)
    {
        if (HostSetup.Cultures.Contains(culture))
        {
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
        return TypedResults.LocalRedirect(LocalUrl.Safe(returnUrl));
    }

    private static IResult ExternalLogin(SignInManager<AppUser> signIn, IConfiguration config, [FromQuery(Name = "return_url")] string? returnUrl)
    {
        if (!EntraSetup.IsConfigured(config)) return TypedResults.NotFound();
        var redirect = $"/account/external-callback?return_url={Uri.EscapeDataString(LocalUrl.Safe(returnUrl))}";
        var properties = signIn.ConfigureExternalAuthenticationProperties(EntraSetup.Scheme, redirect);
        return TypedResults.Challenge(properties, [EntraSetup.Scheme]);
    }

    /// <summary>Links the Microsoft identity to a local account (by object id, then email), creating one when self-registration is on.</summary>
    private static async Task<IResult> ExternalCallback(HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users,
        AuthService auth, IConfiguration config, [FromQuery(Name = "return_url")] string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return TypedResults.LocalRedirect("/account/login?error=external");
        var user = await EntraSetup.FindLocalUserAsync(users, info.Principal);
        if (user is null)
        {
            var email = EntraSetup.Email(info.Principal);
            if (email is null || !config.GetValue("Auth:AllowSelfRegistration", true))
                return TypedResults.LocalRedirect("/account/login?error=external-unknown");
            var name = info.Principal.FindFirst("name")?.Value ?? email;
            user = new AppUser { Email = email, UserName = email, Name = name, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return TypedResults.LocalRedirect("/account/login?error=external");
            var tenant = await auth.CreateTenantForAsync(user.Id, $"{name}", http.RequestAborted);
            user.LastTenantId = tenant.Id;
        }
        if ((await users.GetLoginsAsync(user)).All(l => l.LoginProvider != info.LoginProvider))
            await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, EntraSetup.DisplayName));
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIn.SignInAsync(user, isPersistent: true, EntraSetup.Scheme);
        return TypedResults.LocalRedirect(LocalUrl.Safe(returnUrl));
    }
}
