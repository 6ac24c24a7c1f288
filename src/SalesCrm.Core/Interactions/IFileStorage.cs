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

    /// <summary>The longest extension (with its dot) kept on a stored file: enough for <c>.jpeg</c>, <c>.webm</c>, <c>.m4a</c>.</summary>
    public const int MaxExtensionLength = 10;

    /// <summary>
    /// The name to show for an uploaded file: the last segment after any <c>/</c> or <c>\</c> (browsers on Windows and
    /// some clients send a whole path), without control characters, at most 255 characters.
    /// </summary>
    public static string DisplayName(string? uploaded)
    {
        var name = (uploaded ?? "").Split('/', '\\')[^1];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "file";
        if (name.Length <= 255) return name;
        var extension = Extension(name);
        return extension.Length <= MaxExtensionLength ? name[..(255 - extension.Length)] + extension : name[..255];
    }

    /// <summary>The lower-case extension of a display name (<c>.ogg</c>), or empty; null when it is longer than
    /// <see cref="MaxExtensionLength"/> or not letters and digits, so it never reaches a storage key unchecked.</summary>
    public static string? StorageExtension(string displayName)
    {
        var extension = Extension(displayName);
        return extension.Length <= MaxExtensionLength && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension.ToLowerInvariant() : null;
    }

    private static string Extension(string name) => name.LastIndexOf('.') is var dot and > 0 ? name[dot..] : "";

    public static bool IsAllowed(InteractionType type, string contentType)
    {
        var key = type switch { InteractionType.Audio => "audio", InteractionType.Photo => "photo", _ => null };
        return key is null
            ? AllowedByType.Values.Any(list => list.Contains(contentType, StringComparer.OrdinalIgnoreCase))
            : AllowedByType[key].Contains(contentType, StringComparer.OrdinalIgnoreCase);
    }
}

public sealed record UploadedFile(string FileName, string ContentType, long Length, Func<Stream> Open);
