using PhoneNumbers;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Leads;

/// <summary>Phone numbers to E.164 (libphonenumber, tenant's default region) and emails to a comparable form.</summary>
public static class ContactNormalizer
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Null for blank input; E.164 for a valid number; <see cref="ValidationException"/> otherwise.</summary>
    public static string? NormalizePhone(string? raw, string defaultRegion, string field = "phone")
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Trim();
        // WhatsApp and many integrations send international numbers without the plus sign.
        if (!text.StartsWith('+') && text.All(c => char.IsDigit(c) || c is ' ' or '-' or '(' or ')' or '.') && Digits(text).Length >= 12)
            text = "+" + Digits(text);
        try
        {
            var number = Phones.Parse(text, string.IsNullOrWhiteSpace(defaultRegion) ? "BR" : defaultRegion.ToUpperInvariant());
            if (!Phones.IsValidNumber(number)) throw new ValidationException(field, $"'{raw}' is not a valid phone number.");
            return Phones.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            throw new ValidationException(field, $"'{raw}' is not a phone number.");
        }
    }

    /// <summary>Like <see cref="NormalizePhone"/> but null instead of an error (for matching untrusted input).</summary>
    public static string? TryNormalizePhone(string? raw, string defaultRegion)
    {
        try { return NormalizePhone(raw, defaultRegion); }
        catch (ValidationException) { return null; }
    }

    public static string? NormalizeEmail(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim().ToLowerInvariant();

    /// <summary>A readable national or international form for display.</summary>
    public static string Display(string e164)
    {
        try
        {
            var number = Phones.Parse(e164, "BR");
            return Phones.Format(number, PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    private static string Digits(string text) => new(text.Where(char.IsDigit).ToArray());
}
