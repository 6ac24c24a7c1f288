using PhoneNumbers;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Leads;

/// <summary>Phone numbers to E.164 (libphonenumber, tenant's default region) and emails to a comparable form.</summary>
public static class ContactNormalizer
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Null for blank input; the canonical E.164 for a valid number; <see cref="ValidationException"/> on
    /// <paramref name="field"/> otherwise. The text is read in the workspace's region first, so libphonenumber applies that
    /// country's dialling rules (Brazil's trunk zero and carrier codes: <c>0 21 21 98888-7777</c> → <c>+5521988887777</c>);
    /// only when that reading is not a valid number are bare digits read as international without the plus
    /// (<c>14155552671</c> → <c>+14155552671</c>, as WhatsApp and integrations send). A mobile in an outdated spelling
    /// that WhatsApp still uses (Brazil without its ninth digit, Mexico with the 1 after +52) becomes its current number
    /// (<see cref="LegacyMobileSpelling"/>), so both spellings of one mobile are one phone.
    /// </summary>
    public static string? NormalizePhone(string? raw, string defaultRegion, string field = "phone")
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Trim();
        var region = string.IsNullOrWhiteSpace(defaultRegion) ? "BR" : defaultRegion.ToUpperInvariant();
        var number = Read(text, region) ?? ReadInternational(text) ?? throw new ValidationException(field, $"'{raw}' is not a valid phone number.");
        return Phones.Format(number, PhoneNumberFormat.E164);
    }

    /// <summary>Like <see cref="NormalizePhone"/> but null instead of an error (for matching untrusted input).</summary>
    public static string? TryNormalizePhone(string? raw, string defaultRegion)
    {
        try { return NormalizePhone(raw, defaultRegion); }
        catch (ValidationException) { return null; }
    }

    public static string? NormalizeEmail(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim().ToLowerInvariant();

    /// <summary>
    /// How the UI shows a stored E.164 phone: the national format when the number belongs to the workspace's region
    /// (<c>+5541988776655</c> in a BR workspace → <c>(41) 98877-6655</c>), the international one otherwise
    /// (<c>+1 415-555-2671</c>); text that is not a number is shown as it is. Null and blank stay empty.
    /// </summary>
    public static string Display(string? e164, string? region)
    {
        if (string.IsNullOrWhiteSpace(e164)) return "";
        try
        {
            var number = Phones.Parse(e164, "BR");
            var own = Phones.GetRegionCodeForNumber(number) == (string.IsNullOrWhiteSpace(region) ? "BR" : region.ToUpperInvariant());
            return Phones.Format(number, own ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    private static PhoneNumber? Read(string text, string region)
    {
        try { return Valid(Phones.Parse(text, region)); }
        catch (NumberParseException) { return null; }
    }

    /// <summary>Digits (with the usual separators) and no plus: try them as country code + number.</summary>
    private static PhoneNumber? ReadInternational(string text)
    {
        if (text.StartsWith('+') || !text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '.')) return null;
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : Read("+" + digits, "ZZ");
    }

    // The current spelling is tried before the validity check: libphonenumber still accepts 8-digit Brazilian numbers
    // starting with 7 (Nextel's radio numbers, a network closed in 2018), which WhatsApp's old-style ids would otherwise keep.
    private static PhoneNumber? Valid(PhoneNumber number) =>
        LegacyMobileSpelling.Current(number) is { } current && Phones.IsValidNumber(current) ? current : Phones.IsValidNumber(number) ? number : null;
}
