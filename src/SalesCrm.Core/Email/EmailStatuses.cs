namespace SalesCrm.Core.Email;

/// <summary>The states of an <see cref="EmailMessage"/>.</summary>
public static class EmailStatuses
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    /// <summary>No SMTP server is configured (<c>Email:Smtp:Host</c>): kept, visible, never sent.</summary>
    public const string NotSent = "not_sent";
    public const string Failed = "failed";
}
