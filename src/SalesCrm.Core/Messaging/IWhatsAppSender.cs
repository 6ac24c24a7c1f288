namespace SalesCrm.Core.Messaging;

/// <summary>Sends through the WhatsApp Cloud API when the tenant connected a number; otherwise messages wait as <c>queued</c>.</summary>
public interface IWhatsAppSender
{
    /// <summary>Free text to <paramref name="to"/>: the lead's WhatsApp id as WhatsApp gave it, or its E.164 phone (a leading plus is dropped).</summary>
    Task<SendResult> SendTextAsync(Guid tenantId, string to, string text, CancellationToken ct);

    /// <summary>An approved template to <paramref name="to"/> (as in <see cref="SendTextAsync"/>).</summary>
    Task<SendResult> SendTemplateAsync(Guid tenantId, string to, string templateName, string language, IReadOnlyList<string> parameters, CancellationToken ct);

    /// <summary>
    /// Reply buttons or a list to <paramref name="to"/> (as in <see cref="SendTextAsync"/>): <paramref name="interactive"/>
    /// is the Cloud API's <c>interactive</c> object as JSON (<c>{"type":"button"|"list","body":{"text":…},"action":{…}}</c>).
    /// </summary>
    Task<SendResult> SendInteractiveAsync(Guid tenantId, string to, string interactive, CancellationToken ct);

    /// <summary>Downloads an inbound message's media (<c>GET /{media-id}</c>, then its URL, both with the tenant's token).</summary>
    Task<(byte[] Content, string ContentType)> DownloadMediaAsync(Guid tenantId, string mediaId, CancellationToken ct);
}
