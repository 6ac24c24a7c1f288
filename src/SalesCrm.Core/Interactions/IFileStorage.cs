namespace SalesCrm.Core.Interactions;

/// <summary>Where attachment bytes live: local disk under <c>data/</c> by default; an object store later.</summary>
public interface IFileStorage
{
    Task SaveAsync(string key, Stream content, CancellationToken ct = default);
    Task<Stream> OpenReadAsync(string key, CancellationToken ct = default);
    Task DeleteAsync(string key, CancellationToken ct = default);
}

/// <summary>Upload limits for interaction attachments.</summary>
public sealed class AttachmentRules
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string[]> AllowedByType = new Dictionary<string, string[]>
    {
        ["audio"] = ["audio/mpeg", "audio/mp4", "audio/ogg", "audio/wav", "audio/webm", "audio/aac", "audio/x-m4a"],
        ["photo"] = ["image/jpeg", "image/png", "image/webp", "image/gif"],
    };

    public static bool IsAllowed(InteractionType type, string contentType)
    {
        var key = type switch { InteractionType.Audio => "audio", InteractionType.Photo => "photo", _ => null };
        return key is null
            ? AllowedByType.Values.Any(list => list.Contains(contentType, StringComparer.OrdinalIgnoreCase))
            : AllowedByType[key].Contains(contentType, StringComparer.OrdinalIgnoreCase);
    }
}

public sealed record UploadedFile(string FileName, string ContentType, long Length, Func<Stream> Open);
