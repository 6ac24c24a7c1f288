using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Identity;

/// <summary>Authenticates <c>X-Api-Key</c>; the key's scopes become its capabilities (resolved per request).</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var raw)) return AuthenticateResult.NoResult();
        var key = await keys.AuthenticateAsync(raw.ToString(), Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Invalid API key.");
        var identity = new ClaimsIdentity(
        [
            new Claim(CrmClaims.ApiKeyId, key.Id.ToString()),
            new Claim(CrmClaims.TenantId, key.TenantId.ToString()),
            new Claim(CrmClaims.Name, $"api-key:{key.Name}"),
        ], Scheme, CrmClaims.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme));
    }
}
