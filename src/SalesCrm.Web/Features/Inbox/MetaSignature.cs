using System.Security.Cryptography;
using System.Text;

namespace SalesCrm.Web.Features.Inbox;

/// <summary>Meta's request signature (Lead Ads and WhatsApp webhooks).</summary>
public static class MetaSignature
{
    /// <summary>Checks <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256(body, app secret)&gt;</c> in constant time.</summary>
    public static bool IsValid(string? appSecret, string? header, byte[] body)
    {
        if (string.IsNullOrEmpty(appSecret) || header is null || !header.StartsWith("sha256=", StringComparison.Ordinal)) return false;
        byte[] given;
        try { given = Convert.FromHexString(header["sha256=".Length..]); }
        catch (FormatException) { return false; }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public static string Sign(string appSecret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
