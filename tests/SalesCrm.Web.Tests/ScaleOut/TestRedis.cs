namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>
/// The Redis the scale-out tests share (<c>SALESCRM_TEST_REDIS</c>, started by the test script); each group of
/// instances gets its own <c>Scale:RedisPrefix</c> so tests never hear each other.
/// </summary>
public static class TestRedis
{
    public const string Variable = "SALESCRM_TEST_REDIS";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests through ./test.sh, which starts Redis.");

    /// <summary><c>Scale:Redis</c> and a prefix of its own for one group of instances.</summary>
    public static KeyValuePair<string, string?>[] Settings(string prefix) =>
        [new("Scale:Redis", ConnectionString), new("Scale:RedisPrefix", prefix)];

    public static string NewPrefix() => $"salescrm-test:{Guid.NewGuid():N}:";
}
