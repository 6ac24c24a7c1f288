namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// The one check for a redirect target taken from a request (culture switch, tenant switch, sign-in, Microsoft
/// sign-in): a path on this site or <c>/</c>. It accepts exactly what <c>LocalRedirect</c> accepts — a single leading
/// <c>/</c> (not <c>//</c> or <c>/\</c>), or <c>~/</c>, and no control characters — so a target such as
/// <c>/%09/evil.example</c> (a tab, which browsers drop, making it <c>//evil.example</c>) becomes <c>/</c> instead of
/// the exception <c>LocalRedirect</c> throws. A kept path has its characters outside printable ASCII percent-encoded
/// as UTF-8 (<c>/leads/é</c> → <c>/leads/%C3%A9</c>, what a browser sends anyway): an HTTP header may carry only
/// ASCII, and Kestrel refuses to send a Location with anything else (a 500 before).
/// </summary>
public static class LocalUrl
{
    /// <summary><paramref name="url"/> when it is a local path, else <c>/</c>.</summary>
    public static string Safe(string? url) => IsLocal(url) ? Ascii(url!) : "/";

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl)) return false;
        if (url[0] == '/') return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        return url.Length > 1 && url[0] == '~' && url[1] == '/' && (url.Length == 2 || (url[2] != '/' && url[2] != '\\'));
    }

    private static string Ascii(string url)
    {
        if (url.All(c => c is > ' ' and < '\u007f')) return url;
        var text = new System.Text.StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f)
            {
                text.Append((char)rune.Value);
                continue;
            }
            var count = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..count]) text.Append('%').Append(b.ToString("X2"));
        }
        return text.ToString();
    }
}
