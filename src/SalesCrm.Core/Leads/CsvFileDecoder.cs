using System.Text;
using ValidationException = SalesCrm.Core.Common.ValidationException;

namespace SalesCrm.Core.Leads;

/// <summary>A CSV file's text with the encoding and delimiter it was read with.</summary>
/// <param name="Text">The decoded text (no byte-order mark, never a U+FFFD replacement character).</param>
/// <param name="Encoding">What the bytes were read as: <c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>UTF-16</c> or <c>Windows-1252</c>.</param>
/// <param name="Delimiter">The field separator found on the header line: <c>;</c>, <c>,</c> or a tab.</param>
public sealed record DecodedCsv(string Text, string Encoding, char Delimiter);

/// <summary>
/// Turns the bytes of an uploaded CSV into text the way Brazilian teams produce them: Excel pt-BR's "CSV (separado por
/// vírgulas)" is Windows-1252 with <c>;</c>, "CSV UTF-8" has a byte-order mark, Google Sheets and most systems write
/// UTF-8 without one, Excel's "Texto Unicode" is UTF-16 with tabs.
/// </summary>
/// <remarks>
/// A byte-order mark decides the encoding. Without one, bytes that are valid UTF-8 are UTF-8 (Windows-1252 text with
/// accents is practically never valid UTF-8), anything else is read as Windows-1252 (a superset of Latin-1's printable
/// characters) — unless the file also holds valid multi-byte UTF-8 sequences, which happens when rows from two sources
/// were pasted together: read either way, some names would be garbled, so the file is refused. Undecodable bytes, NUL bytes or U+FFFD in the text refuse the file with a message naming the encoding,
/// so a garbled name is never imported.
/// </remarks>
public static class CsvFileDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>; throws <see cref="ValidationException"/> on <c>file</c> when it cannot be read faithfully.</summary>
    public static DecodedCsv Decode(byte[] bytes)
    {
        if (bytes.Length == 0) throw new ValidationException("file", "is empty.");
        var (text, encoding) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Strict(StrictUtf8, bytes, 3, "UTF-8"), "UTF-8 (BOM)"),
            [0xFF, 0xFE, ..] => (Strict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2, "UTF-16"), "UTF-16"),
            [0xFE, 0xFF, ..] => (Strict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2, "UTF-16"), "UTF-16"),
            _ when Array.IndexOf(bytes, (byte)0) >= 0 => throw new ValidationException("file",
                "contains NUL bytes: it is not a text CSV (or it is UTF-16 without a byte-order mark). Save it as \"CSV UTF-8\"."),
            _ when TryUtf8(bytes) is { } utf8 => (utf8, "UTF-8"),
            _ when FirstUtf8Sequence(bytes) is { } utf8At => throw new ValidationException("file",
                $"mixes encodings: line {LineAt(bytes, utf8At)} is UTF-8 but line {LineAt(bytes, FirstInvalidUtf8(bytes))} is not (Windows-1252?). " +
                "Open it in a spreadsheet and save it again as \"CSV UTF-8\"."),
            _ => (Strict(Windows1252(), bytes, 0, "Windows-1252"), "Windows-1252"),
        };
        if (text.Contains('\uFFFD'))
            throw new ValidationException("file", $"read as {encoding} contains the replacement character \"\uFFFD\": its accents were already lost before upload. Export it again as \"CSV UTF-8\".");
        if (text.Contains('\0')) throw new ValidationException("file", $"read as {encoding} contains NUL characters: it is not a text CSV.");
        return new DecodedCsv(text, encoding, DetectDelimiter(text));
    }

    /// <summary>The separator that occurs most often outside quotes on the first line (the header); <c>,</c> when none does.</summary>
    public static char DetectDelimiter(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == '\t') tabs++;
        }
        if (tabs > semicolons && tabs > commas) return '\t';
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    /// <summary>
    /// Where the first well-formed multi-byte UTF-8 sequence starts (a lead byte 0xC2–0xF4 and its continuation bytes),
    /// or null. Windows-1252 Portuguese text practically never contains one: "é" is 0xE9 followed by a letter.
    /// </summary>
    private static int? FirstUtf8Sequence(byte[] bytes)
    {
        Span<char> decoded = stackalloc char[2];
        for (var i = 0; i < bytes.Length; i++)
        {
            var length = bytes[i] switch { >= 0xC2 and <= 0xDF => 2, >= 0xE0 and <= 0xEF => 3, >= 0xF0 and <= 0xF4 => 4, _ => 0 };
            if (length == 0 || i + length > bytes.Length) continue;
            if (System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(i, length), decoded, out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done)
                return i;
        }
        return null;
    }

    private static int FirstInvalidUtf8(byte[] bytes)
    {
        System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return read;
    }

    private static int LineAt(byte[] bytes, int index) => 1 + bytes.AsSpan(0, Math.Min(index, bytes.Length)).Count((byte)'\n');

    private static string? TryUtf8(byte[] bytes)
    {
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    private static string Strict(Encoding encoding, byte[] bytes, int skip, string name)
    {
        try { return encoding.GetString(bytes, skip, bytes.Length - skip); }
        catch (DecoderFallbackException e)
        {
            throw new ValidationException("file", $"is not valid {name} (byte 0x{e.BytesUnknown?.FirstOrDefault():X2} at position {skip + e.Index}). Save it as \"CSV UTF-8\" and upload it again.");
        }
    }

    /// <summary>Windows-1252 from the code-pages provider (in the shared framework), asked directly so nothing global is registered.</summary>
    private static Encoding Windows1252() =>
        CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");
}
