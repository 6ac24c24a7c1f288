using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SalesCrm.Core.Email;

/// <summary>Sends one plain-text e-mail through the configured SMTP server with MailKit.</summary>
public sealed class SmtpEmailSender(IOptionsMonitor<SmtpOptions> options)
{
    public bool IsConfigured => options.CurrentValue.IsConfigured;

    /// <summary>
    /// Sends <paramref name="message"/>. Its <c>Message-Id</c> is derived from the idempotency key, so a resend after a
    /// crash carries the same id. Throws MailKit's exceptions (<see cref="SmtpCommandException"/>, <see cref="SmtpProtocolException"/>,
    /// socket errors) on failure.
    /// </summary>
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var smtp = options.CurrentValue;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(string.IsNullOrWhiteSpace(smtp.From) ? $"salescrm@{smtp.Host}" : smtp.From));
        mime.To.AddRange(InternetAddressList.Parse(message.To));
        mime.Subject = message.Subject;
        // Any key text becomes a valid Message-Id: a hash of it, the same on every attempt.
        mime.MessageId = $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..32]}@salescrm";
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = Math.Max(1, smtp.TimeoutSeconds) * 1000 };
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
