using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SalesCrm.Web.Features.Identity;

/// <summary>
/// <c>Auth:Jwt</c>: without <see cref="SigningKey"/> the key is generated once and kept in the database
/// (<see cref="JwtSigningKey"/>).
/// </summary>
public sealed class JwtOptions
{
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "salescrm";
    public string Audience { get; set; } = "salescrm-api";
    public int AccessTokenMinutes { get; set; } = 60;

    /// <summary>Turns key material (base64 or text) into a key; throws <see cref="InvalidOperationException"/> below 32 bytes.</summary>
    public static SymmetricSecurityKey KeyFrom(string material)
    {
        var bytes = TryBase64(material) ?? Encoding.UTF8.GetBytes(material);
        if (bytes.Length < 32) throw new InvalidOperationException("Auth:Jwt:SigningKey must be at least 32 bytes (256 bits).");
        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
    }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 32 ? buffer[..written] : null;
    }
}
