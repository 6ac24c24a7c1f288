using SalesCrm.Web.Infrastructure.Storage;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>The S3-compatible test server (<c>SALESCRM_TEST_S3</c>, s3rver started by test.sh) and its bucket <c>salescrm-test</c>.</summary>
public static class TestS3
{
    public const string Variable = "SALESCRM_TEST_S3";
    public const string Bucket = "salescrm-test";

    public static string ServiceUrl => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
        ? url
        : throw new InvalidOperationException($"{Variable} is not set: run the tests through ./test.sh, which starts an S3-compatible server.");

    /// <summary>s3rver's fixed credentials.</summary>
    public static S3StorageOptions Options => new() { ServiceUrl = ServiceUrl, Bucket = Bucket, AccessKey = "S3RVER", SecretKey = "S3RVER", Region = "us-east-1" };

    public static IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        var o = Options;
        return
        [
            new("Storage:Provider", "S3"), new("Storage:S3:ServiceUrl", o.ServiceUrl), new("Storage:S3:Bucket", o.Bucket),
            new("Storage:S3:AccessKey", o.AccessKey), new("Storage:S3:SecretKey", o.SecretKey), new("Storage:S3:Region", o.Region),
        ];
    }
}
