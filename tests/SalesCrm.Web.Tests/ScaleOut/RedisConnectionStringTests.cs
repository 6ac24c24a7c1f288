using SalesCrm.Web.Infrastructure.Scale;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary><c>Scale:Redis</c> as a redis:// URL (what hosts hand out) or StackExchange.Redis's own form.</summary>
public sealed class RedisConnectionStringTests
{
    [Theory]
    [InlineData("redis://127.0.0.1:56399", "127.0.0.1:56399")]
    [InlineData("redis://cache.internal", "cache.internal:6379")]
    [InlineData("redis://:s3cr%40t@cache.internal:6380/2", "cache.internal:6380,password=s3cr@t,defaultDatabase=2")]
    [InlineData("redis://default:pw@cache.internal:6379", "cache.internal:6379,password=pw")]
    [InlineData("redis://app:pw@cache.internal:6379", "cache.internal:6379,user=app,password=pw")]
    [InlineData("rediss://cache.example.com", "cache.example.com:6380,ssl=true")]
    [InlineData("127.0.0.1:56379,password=x", "127.0.0.1:56379,password=x")]
    public void A_redis_url_becomes_the_clients_connection_string(string configured, string expected) =>
        Assert.Equal(expected, RedisConnection.FromUrl(configured));

    [Fact]
    public void A_redis_url_connects_to_the_host_and_port_it_names()
    {
        var options = RedisConnection.Configure("redis://:pw@127.0.0.1:56399/3");
        Assert.Equal("127.0.0.1:56399", options.EndPoints.Single().ToString());
        Assert.Equal(("pw", 3), (options.Password, options.DefaultDatabase));
    }

    [Theory]
    [InlineData("redis://cache.internal/abc")]
    [InlineData("redis://")]
    public void A_malformed_redis_url_stops_the_start_naming_the_setting(string configured) =>
        Assert.Contains("Scale:Redis", Assert.Throws<InvalidOperationException>(() => RedisConnection.FromUrl(configured)).Message);
}
