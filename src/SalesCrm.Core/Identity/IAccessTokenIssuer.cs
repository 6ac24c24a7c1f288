namespace SalesCrm.Core.Identity;

/// <summary>Signs access tokens; the web host implements it with its JWT signing key.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(AppUser user, Guid tenantId, IReadOnlyCollection<string> capabilities);
}

public sealed record AccessToken(string Token, int ExpiresInSeconds);
