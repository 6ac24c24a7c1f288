using System.Text;
using System.Text.Json;
using SalesCrm.Core.Inbox.Storage;
using SalesCrm.Core.Webhooks;

namespace SalesCrm.Core.Inbox;

/// <summary>
/// Stores authenticated inbound requests before they are acknowledged. A singleton with no tenant or user context, so
/// a webhook request resolves nothing per request (no scope, no database context options).
/// </summary>
public sealed class InboxReceiver(IInboxSink sink, InboxIntake intake, WebhookActivity activity, TimeProvider time)
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Persists the raw request as received, its format named by the kept <c>Content-Type</c> (<see cref="InboundBody"/>;
    /// the receiver has already refused, 415, what it cannot read). Malformed JSON from an authenticated sender is kept as
    /// failed, with the parse error; a form is read when processed.
    /// </summary>
    public async Task<Guid> ReceiveAsync(InboxProvider provider, Guid? tenantId, byte[] body, IReadOnlyDictionary<string, string> headers, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var item = new InboxItem
        {
            Provider = provider, TenantId = tenantId, Body = Encoding.UTF8.GetString(body), Headers = JsonSerializer.Serialize(headers), ReceivedAt = now,
            NextAttemptAt = now, Tenants = tenantId?.ToString(),
        };
        if (InboundBody.StoredFormat(headers) == InboundBodyFormat.Json && JsonError(body) is { } error)
        {
            item.Status = InboxStatus.Failed;
            item.LastError = $"Malformed JSON: {error}";
        }
        await sink.WriteAsync(item, ct); // the sink wakes the processor once the row is in the table
        intake.Received();
        if (item.Status == InboxStatus.Failed && tenantId is { } failedFor) activity.Notify(failedFor);
        return item.Id;
    }

    /// <summary>Checks the whole document with a forward-only reader (no DOM is built); null when it is well-formed JSON.</summary>
    internal static string? JsonError(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read()) { }
            return reader.BytesConsumed == 0 ? "The body is empty." : null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }
}
