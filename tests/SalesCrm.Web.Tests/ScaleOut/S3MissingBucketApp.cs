using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>SQLite app whose <c>Storage:S3:Bucket</c> does not exist on the S3-compatible test server (a typo, a bucket not created yet).</summary>
public sealed class S3MissingBucketApp() : CrmAppFactory(TestProvider.Sqlite)
{
    public static readonly string Bucket = $"salescrm-missing-{Guid.NewGuid():N}"[..40];

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [.. TestS3.Settings().Where(s => s.Key != "Storage:S3:Bucket"), new("Storage:S3:Bucket", Bucket)];
}
