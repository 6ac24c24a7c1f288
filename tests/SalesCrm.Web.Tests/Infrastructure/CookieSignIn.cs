using System.Net;
using System.Text.RegularExpressions;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>Signs in through the sign-in form as a browser does (antiforgery cookie and field), without a cookie jar.</summary>
public static partial class CookieSignIn
{
    /// <summary>
    /// Reads the form with <paramref name="formClient"/>, posts it with <paramref name="postClient"/> (the same or another
    /// instance) and returns the session's <c>Cookie</c> header value. Both clients must not follow redirects.
    /// </summary>
    public static async Task<string> SignInAsync(HttpClient formClient, HttpClient postClient, string email, string password)
    {
        var form = await formClient.GetAsync("/account/login");
        var antiforgery = AntiforgeryField().Match(await form.Content.ReadAsStringAsync());
        Assert.True(antiforgery.Success, "the sign-in form carries an antiforgery token");
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value),
                ["Input.Email"] = email, ["Input.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", Cookies(form));
        var signedIn = await postClient.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookies(signedIn);
        Assert.Contains(".AspNetCore.Identity.Application=", session);
        return session;
    }

    /// <summary>GET <paramref name="path"/> with the session cookie.</summary>
    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
