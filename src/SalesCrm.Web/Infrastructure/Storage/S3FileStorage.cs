using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Interactions;

namespace SalesCrm.Web.Infrastructure.Storage;

/// <summary>
/// <c>Storage:Provider=S3</c>: one object per key in <c>Storage:S3:Bucket</c>, the key as the object name (it starts
/// with the tenant, see <see cref="StorageKeys"/>). A missing object is a <see cref="FileNotFoundException"/>, as on
/// disk. Saving an existing key replaces it (S3 has no portable create-only put); every caller writes a new key or the
/// same bytes again. A bucket that is missing or a server that does not answer is a
/// <see cref="StorageUnavailableException"/> (503 <c>STORAGE_UNAVAILABLE</c>), and <c>storage</c> in <c>/health/ready</c>
/// turns unhealthy. Reads are seekable (<see cref="S3ObjectStream"/>), so downloads answer <c>Range</c> requests.
/// </summary>
public sealed class S3FileStorage(IAmazonS3 s3, IOptions<S3StorageOptions> options) : IFileStorage, IStorageProbe
{
    private string Bucket => options.Value.Bucket;

    public async Task SaveAsync(string key, Stream content, CancellationToken ct = default)
    {
        StorageKeys.TenantOf(key);
        // The SDK signs a seekable body with its length; an upload stream may not seek, so buffer it (uploads are at most 20 MB).
        var body = content;
        if (!content.CanSeek)
        {
            body = new MemoryStream();
            await content.CopyToAsync(body, ct);
            body.Position = 0;
        }
        try
        {
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = Bucket, Key = key, InputStream = body, AutoCloseStream = false, ContentType = StorageContentTypes.For(key),
                UseChunkEncoding = false,
            }, ct);
        }
        catch (Exception e) when (IsOutage(e))
        {
            throw Unavailable(e);
        }
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken ct = default)
    {
        StorageKeys.TenantOf(key);
        try
        {
            return await S3ObjectStream.OpenAsync(s3, Bucket, key, ct);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            throw new FileNotFoundException("No stored file with this key.", key, e);
        }
        catch (Exception e) when (IsOutage(e))
        {
            throw Unavailable(e);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        StorageKeys.TenantOf(key);
        try
        {
            await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = key }, ct);
        }
        catch (Exception e) when (IsOutage(e))
        {
            throw Unavailable(e);
        }
    }

    /// <summary>
    /// Healthy when the bucket exists and answers a one-key listing (needs <c>s3:ListBucket</c>; the V1 listing, because
    /// s3rver fails V2 listings that are cut short); unhealthy with S3's error otherwise.
    /// </summary>
    public async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
        try
        {
            await s3.ListObjectsAsync(new ListObjectsRequest { BucketName = Bucket, MaxKeys = 1 }, ct);
            return HealthCheckResult.Healthy($"S3 bucket '{Bucket}' answers.");
        }
        catch (Exception e) when (IsOutage(e))
        {
            return HealthCheckResult.Unhealthy($"S3 bucket '{Bucket}' is not usable: uploads and downloads fail.", e);
        }
    }

    private static bool IsOutage(Exception e) => e is AmazonServiceException or HttpRequestException or IOException or TimeoutException
        || (e is OperationCanceledException && e.InnerException is TimeoutException);

    private StorageUnavailableException Unavailable(Exception e) =>
        new(e is AmazonS3Exception { ErrorCode: "NoSuchBucket" } ? $"The file store's bucket '{Bucket}' does not exist." : "The file store does not answer; try again later.", e);
}
