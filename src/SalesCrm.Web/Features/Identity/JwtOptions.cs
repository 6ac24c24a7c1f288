using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Identity;

/// <summary><c>Auth:Jwt</c>: the signing key is generated once and kept under <c>data/</c> when not configured.</summary>
public sealed class JwtOptions
{
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "salescrm";
    public string Audience { get; set; } = "salescrm-api";
    public int AccessTokenMinutes { get; set; } = 60;

    public SymmetricSecurityKey ResolveKey(DataPaths paths)
    {
        var material = SigningKey;
        if (string.IsNullOrWhiteSpace(material))
        {
            var file = paths.File("jwt-signing.key");
            if (!File.Exists(file))
            {
                File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            material = File.ReadAllText(file).Trim();
        }
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
