using System.Net;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>Rate limits counted in Redis across instances, and what <c>/health/ready</c> says when Redis is away (ADR 046).</summary>
public sealed class RedisLimitsAndHealthTests
{
    [Fact]
    public async Task A_caller_allowed_N_requests_a_window_gets_N_in_total_across_both_instances_then_429()
    {
        const int limit = 6;
        await using var database = await SharedPostgresDatabase.CreateAsync();
        KeyValuePair<string, string?>[] settings = [.. TestRedis.Settings(TestRedis.NewPrefix()), new("RateLimits:ApiPermitsPerMinute", limit.ToString())];
        await using var first = new AppInstance(database.ConnectionString, settings: settings);
        await using var second = new AppInstance(database.ConnectionString, settings: settings);
        var owner = await first.RegisterAsync();
        var clients = new[] { owner.Client, second.CreateClient().WithBearer(owner.AccessToken) };

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 2 * limit; i++)
        {
            var response = await clients[i % 2].GetAsync("/api/v1/me");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }

        Assert.Equal(limit, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, limit), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, limit)], statuses);
        await refused!.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal("0", refused.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task With_Redis_unreachable_ready_reports_it_degraded_with_the_error_and_the_app_still_works()
    {
        await using var database = await SharedPostgresDatabase.CreateAsync();
        // A loopback port nothing listens on; a short connect timeout keeps the test quick.
        await using var instance = new AppInstance(database.ConnectionString, settings:
            [new("Scale:Redis", "127.0.0.1:1,connectTimeout=500"), new("Scale:RedisPrefix", TestRedis.NewPrefix())]);

        var owner = await instance.RegisterAsync();
        var lead = await owner.CreateLeadAsync(new { name = "Written while Redis is away" });
        var stages = await owner.StagesAsync();
        await (await owner.Client.PatchAsJsonAsync($"/api/v1/leads/{lead["id"]}/stage", new { stage_id = stages["Proposta"], position = 0, expected_version = 1 })).ExpectAsync(HttpStatusCode.OK);

        var ready = await (await instance.CreateClient().GetAsync("/health/ready")).ExpectAsync(HttpStatusCode.OK);
        var redis = ready["components"]!["redis"]!;
        Assert.Equal("degraded", (string?)redis["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)redis["error"]), redis.ToJsonString());
        Assert.Equal("degraded", (string?)ready["status"]);
    }
}

/// <summary>The shared window counter while Redis is away: it refuses at once, so limits fall back to the instance.</summary>
public sealed class RedisWindowCounterTests
{
    [Fact]
    public async Task While_Redis_is_unreachable_a_hit_is_refused_at_once_instead_of_waiting_for_the_command_timeout()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new SalesCrm.Web.Infrastructure.Scale.ScaleOptions
        {
            Redis = "127.0.0.1:1,connectTimeout=300", RedisPrefix = TestRedis.NewPrefix(),
        });
        using var redis = new SalesCrm.Web.Infrastructure.Scale.RedisConnection(options,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SalesCrm.Web.Infrastructure.Scale.RedisConnection>.Instance);
        var counter = new SalesCrm.Web.Infrastructure.Scale.RedisWindowCounter(redis);

        // Not a timeout (RedisTimeoutException after 5 s): the counter sees the connection is down and says so.
        var refused = await Assert.ThrowsAsync<StackExchange.Redis.RedisConnectionException>(() => counter.HitAsync("api:someone", TimeSpan.FromMinutes(1)));
        Assert.Equal(SalesCrm.Web.Infrastructure.Scale.RedisWindowCounter.NotConnected, refused.Message);
        var again = Assert.Throws<StackExchange.Redis.RedisConnectionException>(() => counter.Hit("copilot:someone", TimeSpan.FromHours(1)));
        Assert.Equal(SalesCrm.Web.Infrastructure.Scale.RedisWindowCounter.NotConnected, again.Message);
    }
}
