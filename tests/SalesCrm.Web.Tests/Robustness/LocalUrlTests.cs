using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Tests.Robustness;

/// <summary>The one redirect-target check used by the culture switch, the tenant switch and both sign-ins.</summary>
public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/leads?q=ana", "/leads?q=ana")]
    [InlineData("/", "/")]
    [InlineData("~/board", "~/board")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\r\n/evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("~//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/leads/é", "/leads/%C3%A9")]
    [InlineData("/\u202E/x", "/%E2%80%AE/x")]
    [InlineData("/leads?q=joão silva 😀", "/leads?q=jo%C3%A3o%20silva%20%F0%9F%98%80")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void Only_a_path_on_this_site_without_control_characters_is_kept_in_ascii(string? returnUrl, string expected) =>
        Assert.Equal(expected, LocalUrl.Safe(returnUrl));
}
