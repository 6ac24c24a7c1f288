namespace SalesCrm.Core.Common;

/// <summary>
/// 404 <c>MEDIA_UNAVAILABLE</c>: the provider no longer has a file the CRM never stored (WhatsApp's media ids expire;
/// the Graph API then answers 404 or 410, or 400 with error code 100 "object does not exist").
/// </summary>
public sealed class MediaUnavailableException(string message = "The media is no longer available at WhatsApp.")
    : DomainException(ErrorCodes.MediaUnavailable, message);
