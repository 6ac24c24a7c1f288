using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MetaSignature = SalesCrm.Web.Features.Inbox.MetaSignature;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>Signed WhatsApp Cloud API deliveries, as Meta sends them, for tests outside the WhatsApp suite.</summary>
public static class WhatsAppInbound
{
    /// <summary>Posts one inbound text message from <paramref name="from"/> (digits) to the number <paramref name="phoneNumberId"/>.</summary>
    public static async Task SendTextAsync(this InboundAppBase app, string phoneNumberId, string from, string text, string? wamid = null)
    {
        var body = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "1",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["metadata"] = new JsonObject { ["phone_number_id"] = phoneNumberId },
                        ["contacts"] = new JsonArray(new JsonObject { ["wa_id"] = from, ["profile"] = new JsonObject { ["name"] = "Contato" } }),
                        ["messages"] = new JsonArray(new JsonObject
                        {
                            ["from"] = from, ["id"] = wamid ?? $"wamid.{Guid.NewGuid():N}", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(),
                            ["type"] = "text", ["text"] = new JsonObject { ["body"] = text },
                        }),
                    },
                }),
            }),
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/whatsapp") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(InboundAppBase.WhatsAppSecret, bytes));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
    }
}
