using System.Globalization;
using PhoneNumbers;

namespace SalesCrm.Core.Leads;

/// <summary>
/// The one place that knows the outdated spellings of mobile numbers that WhatsApp still uses as a sender's
/// <c>wa_id</c>/<c>from</c> (and that people still type), and maps each to the number's current E.164 form. Meta's
/// Cloud API docs say the <c>wa_id</c> may differ from the number the customer typed; replies go to the <c>wa_id</c>
/// (kept as <c>whatsapp_id</c>), while matching and de-duplication use the current number. Both spellings name one person.
/// <list type="bullet">
/// <item><b>Brazil, the ninth digit.</b> Anatel (Resolução nº 553/2010, rolled out by area code from 2012 to November
/// 2016) prefixed every mobile with a 9: mobiles are now 55 + 2-digit area code + 9 digits starting with 9, and the old
/// 8-digit mobiles began with 6, 7, 8 or 9 (fixed lines begin with 2 to 5). WhatsApp's id for many accounts registered
/// before the change is the old 12-digit form: <c>554188776655</c> is the mobile +55 41 98877-6655.</item>
/// <item><b>Mexico, the "1" after +52.</b> Mobiles used to be dialled from abroad as +52 1 + 10 digits. Mexico's
/// telecoms regulator (IFT, Plan Técnico Fundamental de Numeración) moved every number to 10 digits on 3 August 2019
/// and dropped the 1 (with the 044/045 domestic prefixes); libphonenumber followed in 8.10.17 and now reads
/// +52 1 55 1234 5678 as too long. WhatsApp still sends <c>5215512345678</c> for many Mexican mobiles: it is
/// +52 55 1234 5678 (<c>+525512345678</c>). No Mexican number begins with 1, so a 1 before 10 digits is always the old prefix.</item>
/// <item><b>Argentina needs nothing here.</b> The wa_id <c>5491123456789</c> carries the 9 that marks a mobile dialled
/// from abroad, and libphonenumber reads it as the valid mobile +54 9 11 2345-6789, as it does the national
/// <c>011 15 2345-6789</c>. Without the 9 (+54 11 2345-6789) libphonenumber reads a fixed line, which may be another
/// subscriber, so the two are not merged.</item>
/// </list>
/// </summary>
public static class LegacyMobileSpelling
{
    private const int Brazil = 55;
    private const int Mexico = 52;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The current form of a number written in an outdated mobile spelling (<c>+55 41 8877-6655</c> → <c>+55 41 98877-6655</c>,
    /// <c>+52 1 55 1234 5678</c> → <c>+52 55 1234 5678</c>); null when <paramref name="number"/> is in no such spelling.
    /// The caller still checks that the result is a valid number.
    /// </summary>
    public static PhoneNumber? Current(PhoneNumber number)
    {
        var national = number.NationalNumber.ToString(CultureInfo.InvariantCulture);
        return number.CountryCode switch
        {
            // Area code + 8 digits starting with 6–9: the mobile before its ninth digit.
            Brazil when national.Length == 10 && national[2] is >= '6' and <= '9' => Parse($"+{Brazil}{national[..2]}9{national[2..]}"),
            // 1 + 10 digits: the mobile prefix dropped in 2019.
            Mexico when national.Length == 11 && national[0] == '1' => Parse($"+{Mexico}{national[1..]}"),
            _ => null,
        };
    }

    private static PhoneNumber? Parse(string e164)
    {
        try { return Phones.Parse(e164, "ZZ"); }
        catch (NumberParseException) { return null; }
    }
}
