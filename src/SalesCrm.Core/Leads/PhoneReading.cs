namespace SalesCrm.Core.Leads;

/// <summary>A new lead's phone as read: its canonical E.164, or the text of an unreadable one kept as it came (never both).</summary>
internal readonly record struct PhoneReading(string? E164, string? Raw)
{
    public static readonly PhoneReading None = new(null, null);

    /// <summary>The text trimmed and cut to what <see cref="Lead.PhoneRaw"/> holds.</summary>
    public static PhoneReading Unreadable(string text)
    {
        var raw = text.Trim();
        return new PhoneReading(null, raw.Length > Lead.PhoneRawMaxLength ? raw[..Lead.PhoneRawMaxLength] : raw);
    }

    /// <summary>What the inbox item or import row says about an unreadable phone; null when the phone was read.</summary>
    public string? Warning => Raw is null ? null : $"phone '{Raw}' is not a valid phone number; the lead was kept without it (phone_raw).";
}
