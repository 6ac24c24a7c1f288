using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Interactions;

namespace SalesCrm.Web.Infrastructure.Storage;

/// <summary>
/// <c>Storage:Provider=S3</c>: one object per key in <c>Storage:S3:Bucket</c>, the key as the object name (it starts
/// with the tenant, see <see cref="StorageKeys"/>). A missing object is a <see cref="FileNotFoundException"/>, as on
/// disk. Saving an existing key replaces it (S3 has no portable create-only put); every caller writes a new key or the
/// same bytes again.
/// </summary>
public sealed class S3FileStorage(IAmazonS3 s3, IOptions<S3StorageOptions> options) : IFileStorage
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
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket, Key = key, InputStream = body, AutoCloseStream = false, ContentType = StorageContentTypes.For(key),
            UseChunkEncoding = false,
        }, ct);
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken ct = default)
    {
        StorageKeys.TenantOf(key);
        try
        {
            var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = key }, ct);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException("No stored file with this key.", key, e);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        StorageKeys.TenantOf(key);
        await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = key }, ct);
    }
}
