using PhoneNumbers;

namespace SalesCrm.Core.Leads;

/// <summary>
/// The one place that knows Brazil's ninth mobile digit. Anatel (Resolução nº 553/2010, rolled out by area code from
/// 2012 to November 2016) prefixed every mobile number with a 9: mobiles are now 55 + 2-digit area code + 9 digits
/// starting with 9, and the old 8-digit mobiles began with 6, 7, 8 or 9 (fixed lines begin with 2 to 5). WhatsApp
/// still identifies many accounts registered before the change by the old 12-digit form: its <c>wa_id</c> and
/// <c>from</c> for the mobile +55 41 98877-6655 is <c>554188776655</c> (Meta's Cloud API docs: the <c>wa_id</c> may
/// differ from the number the customer typed, so replies go to the <c>wa_id</c>). Both spellings name one person.
/// </summary>
public static class BrazilianNinthDigit
{
    private const int BrazilCountryCode = 55;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The 13-digit form of an old-style Brazilian mobile (<c>+55 41 8877-6655</c> → <c>+55 41 98877-6655</c>);
    /// null when <paramref name="number"/> is not a Brazilian area code followed by 8 digits starting with 6–9.
    /// </summary>
    public static PhoneNumber? Restore(PhoneNumber number)
    {
        if (number.CountryCode != BrazilCountryCode) return null;
        var national = number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (national.Length != 10 || national[2] is < '6' or > '9') return null;
        try { return Phones.Parse($"+{BrazilCountryCode}{national[..2]}9{national[2..]}", "BR"); }
        catch (NumberParseException) { return null; }
    }
}
