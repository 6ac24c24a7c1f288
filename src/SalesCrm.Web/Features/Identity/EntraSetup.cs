using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Identity;

/// <summary>
/// Microsoft Entra ID through Microsoft.Identity.Web, switched on by an <c>AzureAd</c> section with a ClientId:
/// an OpenID Connect challenge for the UI (signed in to the external cookie, then linked to a local account) and
/// bearer validation for the API (the token's user must have a local account, found by Entra object id or email).
/// </summary>
public static class EntraSetup
{
    public const string Scheme = "Entra";
    public const string BearerScheme = "EntraBearer";
    public const string DisplayName = "Microsoft";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]) && !string.IsNullOrWhiteSpace(configuration["AzureAd:Instance"]);

    /// <summary>A bearer token is Entra's when it is a JWT not issued by this app.</summary>
    public static bool IsEntraToken(string token, string localIssuer)
    {
        try
        {
            var jwt = new JsonWebToken(token);
            return !string.Equals(jwt.Issuer, localIssuer, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static AuthenticationBuilder AddEntra(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        var section = configuration.GetSection("AzureAd");
        var insecureMetadata = section.GetValue("RequireHttpsMetadata", true) == false;

        auth.AddMicrosoftIdentityWebApp(section, openIdConnectScheme: Scheme, cookieScheme: null, displayName: DisplayName);
        auth.Services.Configure<OpenIdConnectOptions>(Scheme, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            if (insecureMetadata) o.RequireHttpsMetadata = false;
        });

        auth.AddMicrosoftIdentityWebApi(section, jwtBearerScheme: BearerScheme, subscribeToJwtBearerMiddlewareDiagnosticsEvents: false);
        auth.Services.Configure<JwtBearerOptions>(BearerScheme, o =>
        {
            if (insecureMetadata) o.RequireHttpsMetadata = false;
            var previous = o.Events?.OnTokenValidated;
            o.Events ??= new JwtBearerEvents();
            o.Events.OnTokenValidated = async ctx =>
            {
                if (previous is not null) await previous(ctx);
                await MapToLocalUserAsync(ctx);
            };
        });
        // A single-tenant app (TenantId is a GUID) knows its exact issuers, so it checks them directly instead of
        // through Microsoft's multi-tenant issuer validator, which only fetches metadata over HTTPS.
        if (Guid.TryParse(section["TenantId"], out var tenantId))
        {
            var instance = section["Instance"]!.TrimEnd('/');
            auth.Services.PostConfigure<JwtBearerOptions>(BearerScheme, o =>
            {
                o.TokenValidationParameters.IssuerValidator = null;
                o.TokenValidationParameters.ValidateIssuer = true;
                o.TokenValidationParameters.ValidIssuers = [$"{instance}/{tenantId}/v2.0", $"https://sts.windows.net/{tenantId}/"];
            });
        }
        return auth;
    }

    /// <summary>Adds the local <c>sub</c> and <c>tenant_id</c> claims, or fails when the Entra user has no local account.</summary>
    private static async Task MapToLocalUserAsync(Microsoft.AspNetCore.Authentication.JwtBearer.TokenValidatedContext ctx)
    {
        var principal = ctx.Principal!;
        var users = ctx.HttpContext.RequestServices.GetRequiredService<UserManager<AppUser>>();
        var user = await FindLocalUserAsync(users, principal);
        if (user is null)
        {
            ctx.Fail("No SalesCrm account is linked to this Microsoft identity.");
            return;
        }
        var tenants = ctx.HttpContext.RequestServices.GetRequiredService<TenantService>();
        var memberships = await tenants.ListForUserAsync(user.Id, ctx.HttpContext.RequestAborted);
        var tenant = memberships.FirstOrDefault(m => m.TenantId == user.LastTenantId) ?? memberships.FirstOrDefault();
        var identity = new ClaimsIdentity(BearerScheme, CrmClaims.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(CrmClaims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(CrmClaims.Name, user.Name));
        identity.AddClaim(new Claim(CrmClaims.Email, user.Email ?? ""));
        if (tenant is not null) identity.AddClaim(new Claim(CrmClaims.TenantId, tenant.TenantId.ToString()));
        ctx.Principal = new ClaimsPrincipal(identity);
    }

    public static async Task<AppUser?> FindLocalUserAsync(UserManager<AppUser> users, ClaimsPrincipal principal)
    {
        var objectId = ObjectId(principal);
        if (objectId is not null && await users.FindByLoginAsync(Scheme, objectId) is { } linked) return linked;
        var email = Email(principal);
        return email is null ? null : await users.FindByEmailAsync(email);
    }

    public static string? ObjectId(ClaimsPrincipal principal) =>
        principal.FindFirst("oid")?.Value ?? principal.FindFirst(ClaimConstants.ObjectId)?.Value ?? principal.FindFirst("sub")?.Value;

    public static string? Email(ClaimsPrincipal principal) =>
        principal.FindFirst("email")?.Value ?? principal.FindFirst(ClaimTypes.Email)?.Value
        ?? principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst(ClaimTypes.Upn)?.Value;
}
