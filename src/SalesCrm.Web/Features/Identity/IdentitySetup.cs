using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using SalesCrm.Core;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Identity;

public static class IdentitySetup
{
    public const string SmartScheme = "smart";

    /// <summary>
    /// Cookies for the Blazor UI, JWT bearer and <c>X-Api-Key</c> for the API, and one policy per capability.
    /// API paths never fall back to cookies, so a browser session cannot be used for cross-site API calls.
    /// </summary>
    public static IServiceCollection AddCrmIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityAndTenancy();
        new IdentityBuilder(typeof(AppUser), services)
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<CrmUserClaimsPrincipalFactory>();

        var jwt = configuration.GetSection("Auth:Jwt").Get<JwtOptions>() ?? new JwtOptions();
        var key = new JwtSigningKey(jwt);
        services.AddSingleton(jwt);
        services.AddSingleton(key);
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();

        var entra = EntraSetup.IsConfigured(configuration);
        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie, bearer or API key", o => o.ForwardDefaultSelector = ctx => SelectScheme(ctx, entra, jwt.Issuer))
            .AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    // Resolved per token: without a configured key, the shared one is loaded from the database at start-up.
                    IssuerSigningKeyResolver = (_, _, _, _) => [key.Current],
                    NameClaimType = CrmClaims.Name,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    // WebSocket clients cannot set headers: hubs accept the token in the query string.
                    OnMessageReceived = ctx =>
                    {
                        if (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query.TryGetValue("access_token", out var token))
                            ctx.Token = token;
                        return Task.CompletedTask;
                    },
                };
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.Scheme, null);
        auth.AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
        {
            o.LoginPath = "/account/login";
            // The app's own name for it (RedirectToLogin, the login page, the culture links): a challenge keeps the page asked for.
            o.ReturnUrlParameter = "return_url";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
        }));
        if (entra) auth.AddEntra(configuration);

        // A changed password (or a removed user) ends the other sessions within a minute: cookies and open circuits.
        var sessions = configuration.GetSection("Auth").Get<SessionOptions>() ?? new SessionOptions();
        services.AddSingleton(sessions);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = sessions.CheckInterval);
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidation>();

        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CapabilityAuthorizationHandler>();
        var authorization = services.AddAuthorizationBuilder();
        foreach (var capability in Capabilities.All)
        {
            authorization.AddPolicy(capability, p => p.RequireAuthenticatedUser().AddRequirements(new CapabilityRequirement(capability)));
        }
        return services;
    }

    private static string SelectScheme(HttpContext ctx, bool entra, string localIssuer)
    {
        if (ctx.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)) return ApiKeyAuthenticationHandler.Scheme;
        var authorization = ctx.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return entra && EntraSetup.IsEntraToken(authorization["Bearer ".Length..].Trim(), localIssuer) ? EntraSetup.BearerScheme : JwtBearerDefaults.AuthenticationScheme;
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/rest") || ctx.Request.Path.StartsWithSegments("/hubs")) return JwtBearerDefaults.AuthenticationScheme;
        return IdentityConstants.ApplicationScheme;
    }
}
