namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// The one check for a redirect target taken from a request (culture switch, tenant switch, sign-in, Microsoft
/// sign-in): a path on this site or <c>/</c>. It accepts exactly what <c>LocalRedirect</c> accepts — a single leading
/// <c>/</c> (not <c>//</c> or <c>/\</c>), or <c>~/</c>, and no control characters — so a target such as
/// <c>/%09/evil.example</c> (a tab, which browsers drop, making it <c>//evil.example</c>) becomes <c>/</c> instead of
/// the exception <c>LocalRedirect</c> throws.
/// </summary>
public static class LocalUrl
{
    /// <summary><paramref name="url"/> when it is a local path, else <c>/</c>.</summary>
    public static string Safe(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl)) return false;
        if (url[0] == '/') return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        return url.Length > 1 && url[0] == '~' && url[1] == '/' && (url.Length == 2 || (url[2] != '/' && url[2] != '\\'));
    }
}
