namespace SalesCrm.Web.Infrastructure.Storage;

/// <summary>
/// Storage keys carry their workspace: <c>{tenant}/…</c> (attachments, WhatsApp media) or <c>checkins/{tenant}/…</c>.
/// The shared stores file every object under that tenant, and refuse a key without one or that could climb out of it.
/// </summary>
public static class StorageKeys
{
    /// <summary>The tenant named by the key's first or second segment (32 hex digits).</summary>
    public static Guid TenantOf(string key)
    {
        Validate(key);
        var segments = key.Split('/');
        foreach (var segment in segments.Take(Math.Min(2, segments.Length - 1)))
            if (segment.Length == 32 && Guid.TryParseExact(segment, "N", out var tenant)) return tenant;
        throw new ArgumentException("The storage key names no workspace.", nameof(key));
    }

    private static void Validate(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > Core.Storage.StoredFile.MaxKeyLength || key.StartsWith('/') || key.Contains('\\')
            || key.Split('/').Any(s => s is "" or "." or ".."))
            throw new ArgumentException("Invalid storage key.", nameof(key));
    }
}
