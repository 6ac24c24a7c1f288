namespace SalesCrm.Web.Infrastructure.Storage;

/// <summary><c>Storage:S3</c>: an S3-compatible bucket (AWS, MinIO, s3rver…), path-style addressing when a service URL is set.</summary>
public sealed class S3StorageOptions
{
    /// <summary>The server's URL for S3-compatible servers (<c>http://minio:9000</c>); empty for AWS itself (then <see cref="Region"/> picks the endpoint).</summary>
    public string? ServiceUrl { get; set; }
    public string Bucket { get; set; } = "";
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public string Region { get; set; } = "us-east-1";
}
