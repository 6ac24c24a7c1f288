using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Health;

/// <summary>An installation with tiny limits so exhausting a window is cheap.</summary>
public sealed class TightLimitsApp() : CrmAppFactory(TestProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [new("RateLimits:ApiPermitsPerMinute", "8"), new("RateLimits:Webhooks:zapier-leads", "2")];
}

public sealed class RateLimitTests(TightLimitsApp app) : IClassFixture<TightLimitsApp>
{
    [Fact]
    public async Task Api_responses_carry_rate_limit_headers_and_an_exhausted_window_answers_429()
    {
        var owner = await app.RegisterAsync();
        var first = await owner.Client.GetAsync("/api/v1/me");
        Assert.Equal("8", first.Headers.GetValues("X-RateLimit-Limit").Single());
        var remaining = int.Parse(first.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.InRange(int.Parse(first.Headers.GetValues("X-RateLimit-Reset").Single()), 1, 60);
        var second = await owner.Client.GetAsync("/api/v1/me");
        Assert.Equal(remaining - 1, int.Parse(second.Headers.GetValues("X-RateLimit-Remaining").Single()));
        HttpResponseMessage last;
        do last = await owner.Client.GetAsync("/api/v1/me"); while (last.StatusCode == HttpStatusCode.OK);
        await last.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.InRange(int.Parse(last.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal("0", last.Headers.GetValues("X-RateLimit-Remaining").Single());

        // Another tenant's user has a bucket of their own.
        var other = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Webhook_endpoints_have_their_own_configurable_limit()
    {
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/zapier-leads") { Content = JsonContent.Create(new { name = "x" }) };
            request.Headers.Add("X-Webhook-Secret", "whk_unknown");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }
}
