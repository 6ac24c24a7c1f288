namespace SalesCrm.Core.Email;

/// <summary><c>Email:Smtp</c>: the server e-mails go out through. A blank <see cref="Host"/> means none: e-mails are kept as not sent.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender address, e.g. <c>SalesCrm &lt;crm@example.com&gt;</c>.</summary>
    public string? From { get; set; }
    /// <summary>True: TLS (implicit on 465, STARTTLS otherwise); false: plain SMTP (a local relay, tests).</summary>
    public bool UseTls { get; set; } = true;
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
