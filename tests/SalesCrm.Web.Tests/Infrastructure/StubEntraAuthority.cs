using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>
/// A local stand-in for Microsoft Entra ID: serves OpenID metadata and a JWKS for a generated RSA key on loopback,
/// and mints tokens shaped like Entra's v2 access tokens. Microsoft's endpoints are unreachable here.
/// </summary>
public sealed class StubEntraAuthority : IAsyncDisposable
{
    public const string TenantId = "7f1c0000-0000-4000-8000-00000000e17a";
    public const string ClientId = "9a5e0000-0000-4000-8000-0000000c1e47";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "stub-key-1" };

    public string Instance { get; }
    public string Issuer => $"{Instance}{TenantId}/v2.0";

    public StubEntraAuthority()
    {
        var port = LoopbackPort.Free();
        Instance = $"http://127.0.0.1:{port}/";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Instance);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet($"/{TenantId}/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/token",
            ["end_session_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/logout",
            ["jwks_uri"] = $"{Instance}{TenantId}/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet($"/{TenantId}/discovery/v2.0/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = _key.KeyId, n = jwk.N, e = jwk.E, alg = "RS256" } } });
        });
        _app.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>An Entra-style access token for this app, signed by the stub (or by a stranger's key).</summary>
    public string IssueToken(string email, string objectId, bool foreignKey = false)
    {
        var key = foreignKey ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = _key.KeyId } : _key;
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Subject = new ClaimsIdentity([
                new Claim("tid", TenantId), new Claim("oid", objectId), new Claim("preferred_username", email),
                new Claim("name", "Entra User"), new Claim("scp", "access_as_user"), new Claim("ver", "2.0"),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("AzureAd:Instance", Instance),
        new("AzureAd:TenantId", TenantId),
        new("AzureAd:ClientId", ClientId),
        new("AzureAd:CallbackPath", "/signin-oidc"),
        new("AzureAd:RequireHttpsMetadata", "false"),
    ];


    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The app with an <c>AzureAd</c> section pointing at the stub authority.</summary>
public sealed class EntraApp() : CrmAppFactory(TestProvider.Sqlite)
{
    public StubEntraAuthority Authority { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => Authority.Settings();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Authority.DisposeAsync();
    }
}
