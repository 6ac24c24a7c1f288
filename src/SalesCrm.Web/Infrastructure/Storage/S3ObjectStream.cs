using Amazon.S3;
using Amazon.S3.Model;

namespace SalesCrm.Web.Infrastructure.Storage;

/// <summary>
/// An S3 object as a seekable read-only stream, so downloads answer HTTP <c>Range</c> requests (audio and video seeking
/// in the browser) as they do from disk: the first GET reads the whole object from the start; a seek elsewhere drops it
/// and the next read GETs the object from there with a <c>Range</c> header (S3's <c>ByteRange</c>).
/// </summary>
public sealed class S3ObjectStream : Stream
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly string _key;
    private GetObjectResponse? _response;
    private long _responseAt;
    private long _position;

    private S3ObjectStream(IAmazonS3 s3, string bucket, string key, GetObjectResponse first)
    {
        (_s3, _bucket, _key, _response) = (s3, bucket, key, first);
        Length = first.ContentLength;
    }

    /// <summary>Opens the object (one GET from byte 0). Throws what <see cref="IAmazonS3.GetObjectAsync(GetObjectRequest, CancellationToken)"/> throws.</summary>
    public static async Task<S3ObjectStream> OpenAsync(IAmazonS3 s3, string bucket, string key, CancellationToken ct) =>
        new(s3, bucket, key, await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, ct));

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        if (target < 0) throw new IOException("Cannot seek before the start of the object.");
        _position = target;
        return _position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (_position >= Length || buffer.Length == 0) return 0;
        if (_response is null || _responseAt != _position)
        {
            _response?.Dispose();
            _response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = _key, ByteRange = new ByteRange(_position, Length - 1) }, ct);
            _responseAt = _position;
        }
        var read = await _response.ResponseStream.ReadAsync(buffer, ct);
        _position += read;
        _responseAt += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _response?.Dispose();
        _response = null;
        base.Dispose(disposing);
    }
}
