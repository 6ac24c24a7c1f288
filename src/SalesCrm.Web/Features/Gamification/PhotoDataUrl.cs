using SalesCrm.Core.Common;
using SalesCrm.Core.Gamification;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>Reads a photo sent as a data URL (<c>data:image/png;base64,…</c>); anything else is a 400 on <c>photo</c>.</summary>
public static class PhotoDataUrl
{
    public static (byte[]? Bytes, string? ContentType) Read(string? photo)
    {
        if (string.IsNullOrEmpty(photo)) return (null, null);
        const string marker = ";base64,";
        var at = photo.IndexOf(marker, StringComparison.Ordinal);
        if (!photo.StartsWith("data:", StringComparison.Ordinal) || at < 0)
            throw new ValidationException("photo", "must be a data URL: data:image/jpeg;base64,….");
        // Base64 is 4/3 the size: refuse an oversized photo before decoding it.
        if ((photo.Length - at - marker.Length) / 4 * 3 > CheckInService.MaxPhotoBytes + 3)
            throw new ValidationException("photo", $"must be at most {CheckInService.MaxPhotoBytes / (1024 * 1024)} MB.");
        try
        {
            return (Convert.FromBase64String(photo[(at + marker.Length)..]), photo[5..at]);
        }
        catch (FormatException)
        {
            throw new ValidationException("photo", "is not valid base64.");
        }
    }
}
