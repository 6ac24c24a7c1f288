using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SalesCrm.Core.Identity;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Identity;

/// <summary>Signs HS256 access tokens carrying the user, the tenant and its capabilities.</summary>
public sealed class JwtAccessTokenIssuer(JwtOptions options, JwtSigningKey key, TimeProvider time) : IAccessTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(AppUser user, Guid tenantId, IReadOnlyCollection<string> capabilities)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(CrmClaims.Subject, user.Id.ToString()),
            new(CrmClaims.Email, user.Email ?? ""),
            new(CrmClaims.Name, user.Name),
            new(CrmClaims.TenantId, tenantId.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(capabilities.Select(c => new Claim(CrmClaims.Capability, c)));
        var lifetime = TimeSpan.FromMinutes(options.AccessTokenMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key.Current, SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, (int)lifetime.TotalSeconds);
    }
}
