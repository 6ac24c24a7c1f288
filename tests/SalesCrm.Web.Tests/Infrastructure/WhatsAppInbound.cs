namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>Signed WhatsApp Cloud API deliveries, as Meta sends them, for tests outside the WhatsApp suite.</summary>
public static class WhatsAppInbound
{
    /// <summary>Posts one inbound text message from <paramref name="from"/> (digits) to the number <paramref name="phoneNumberId"/>.</summary>
    public static Task SendTextAsync(this InboundAppBase app, string phoneNumberId, string from, string text, string? wamid = null) =>
        Messaging.WhatsAppWebhook.SendTextAsync(app, phoneNumberId, from, text, "Contato", wamid);
}
