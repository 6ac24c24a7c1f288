using SalesCrm.Core.Interactions;

namespace SalesCrm.Core.Tests.Interactions;

public class AttachmentSignatureTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    [Theory]
    [InlineData("image/png", "89504E470D0A1A0A 0000000D")]
    [InlineData("IMAGE/PNG", "89504E470D0A1A0A")]
    [InlineData("image/jpeg", "FFD8FFE0 00104A46")]
    [InlineData("image/gif", "474946383961")]
    [InlineData("image/webp", "52494646 24000000 57454250")]
    [InlineData("audio/wav", "52494646 24000000 57415645")]
    [InlineData("audio/ogg", "4F676753 0002")]
    [InlineData("audio/webm", "1A45DFA3 9F4286")]
    [InlineData("audio/mp4", "00000020 66747970 4D344120")]
    [InlineData("audio/x-m4a", "0000001C 66747970 69736F6D")]
    [InlineData("audio/mpeg", "494433 04000000")]
    [InlineData("audio/mpeg", "FFFB9064")]
    [InlineData("audio/aac", "FFF15080")]
    public void Each_allowed_type_is_recognised_by_its_signature(string contentType, string head) =>
        Assert.True(AttachmentSignature.Matches(contentType, Hex(head)));

    [Theory]
    [InlineData("image/png", "4D5A9000")] // MZ: a Windows program
    [InlineData("image/jpeg", "3C68746D6C3E")] // <html>
    [InlineData("image/webp", "52494646 24000000 57415645")] // RIFF WAVE is not WebP
    [InlineData("audio/mpeg", "7F454C46")] // ELF
    [InlineData("audio/mpeg", "FFE0")] // a frame sync with the reserved layer
    [InlineData("image/png", "")]
    [InlineData("image/png", "89504E47")] // cut short
    [InlineData("text/html", "3C68746D6C3E")] // no signature: never allowed
    public void Content_that_is_not_the_declared_type_is_not_recognised(string contentType, string head) =>
        Assert.False(AttachmentSignature.Matches(contentType, Hex(head)));
}
