using SalesCrm.Core.Common;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Tests.Leads;

/// <summary>Phones as WhatsApp, Meta, spreadsheets and people really write them (issue 13, part 1): Brazil, Mexico, Argentina.</summary>
public class PhoneNormalizationTests
{
    [Theory]
    [InlineData("554188776655", "+5541988776655")]
    [InlineData("+554188776655", "+5541988776655")]
    [InlineData("5541988776655", "+5541988776655")]
    [InlineData("(41) 8877-6655", "+5541988776655")]
    [InlineData("+55 11 7123-4567", "+5511971234567")]
    [InlineData("556199998888", "+5561999998888")]
    public void A_brazilian_mobile_without_the_ninth_digit_is_stored_with_it(string raw, string e164) =>
        Assert.Equal(e164, ContactNormalizer.NormalizePhone(raw, "BR"));

    [Theory]
    [InlineData("5215512345678", "BR", "+525512345678")]
    [InlineData("+5215512345678", "BR", "+525512345678")]
    [InlineData("+52 1 55 1234 5678", "BR", "+525512345678")]
    [InlineData("5215512345678", "MX", "+525512345678")]
    [InlineData("5215512345678", "US", "+525512345678")]
    [InlineData("5218119878677", "BR", "+528119878677")]
    [InlineData("525512345678", "BR", "+525512345678")]
    [InlineData("55 1234 5678", "MX", "+525512345678")]
    public void A_mexican_mobile_with_the_1_after_52_that_whatsapp_still_sends_is_stored_without_it(string raw, string region, string e164) =>
        Assert.Equal(e164, ContactNormalizer.NormalizePhone(raw, region));

    [Theory]
    [InlineData("5491123456789", "BR", "+5491123456789")]
    [InlineData("+54 9 11 2345-6789", "BR", "+5491123456789")]
    [InlineData("011 15 2345-6789", "AR", "+5491123456789")]
    [InlineData("+54 11 2345-6789", "BR", "+541123456789")]
    public void An_argentine_mobile_keeps_the_9_that_whatsapp_and_libphonenumber_both_use(string raw, string region, string e164) =>
        Assert.Equal(e164, ContactNormalizer.NormalizePhone(raw, region));

    [Theory]
    [InlineData("554133334444", "+554133334444")]
    [InlineData("(41) 3333-4444", "+554133334444")]
    [InlineData("+55 11 2345-6789", "+551123456789")]
    public void A_brazilian_landline_keeps_its_eight_digits(string raw, string e164) =>
        Assert.Equal(e164, ContactNormalizer.NormalizePhone(raw, "BR"));

    [Theory]
    [InlineData("021 98888-7777", "+5521988887777")]
    [InlineData("(021) 98888-7777", "+5521988887777")]
    [InlineData("0 21 21 98888-7777", "+5521988887777")]
    [InlineData("0 41 11 3333-4444", "+551133334444")]
    [InlineData("021 8888-7777", "+5521988887777")]
    public void The_trunk_zero_and_a_carrier_code_are_read_with_the_workspace_region(string raw, string e164) =>
        Assert.Equal(e164, ContactNormalizer.NormalizePhone(raw, "BR"));

    [Theory]
    [InlineData("5511987654321", "BR", "+5511987654321")]
    [InlineData("14155552671", "BR", "+14155552671")]
    [InlineData("447911123456", "BR", "+447911123456")]
    [InlineData("5511987654321", "US", "+5511987654321")]
    [InlineData("554188776655", "US", "+5541988776655")]
    public void Bare_international_digits_are_read_when_the_workspace_region_does_not_fit(string raw, string region, string e164) =>
        Assert.Equal(e164, ContactNormalizer.NormalizePhone(raw, region));

    [Theory]
    [InlineData("não tenho")]
    [InlineData("123")]
    public void Text_that_is_no_phone_stays_a_validation_error(string raw)
    {
        Assert.True(Assert.Throws<ValidationException>(() => ContactNormalizer.NormalizePhone(raw, "BR")).Errors.ContainsKey("phone"));
        Assert.Null(ContactNormalizer.TryNormalizePhone(raw, "BR"));
    }

    [Theory]
    [InlineData("+5541988776655", "BR", "(41) 98877-6655")]
    [InlineData("+551133334444", "BR", "(11) 3333-4444")]
    [InlineData("+14155552671", "BR", "+1 415-555-2671")]
    [InlineData("+5541988776655", "US", "+55 41 98877-6655")]
    [InlineData(null, "BR", "")]
    public void Phones_are_shown_in_the_national_format_of_the_workspace_region(string? e164, string region, string shown) =>
        Assert.Equal(shown, ContactNormalizer.Display(e164, region));
}
