using System.Text;
using ValidationException = SalesCrm.Core.Common.ValidationException;

namespace SalesCrm.Core.Leads;

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
            _ => (Windows1252Text(bytes), "Windows-1252"),
        };
        if (text.Contains('\uFFFD'))
            throw new ValidationException("file", $"read as {encoding} contains the replacement character \"\uFFFD\": its accents were already lost before upload. Export it again as \"CSV UTF-8\".");
        if (text.Contains('\0')) throw new ValidationException("file", $"read as {encoding} contains NUL characters: it is not a text CSV.");
        return SeparatorHint(text) is { } hint ? new DecodedCsv(text, encoding, hint, SeparatorLine: true) : new DecodedCsv(text, encoding, DetectDelimiter(text), SeparatorLine: false);
    }

    /// <summary>
    /// The delimiter named by Excel's hint line, when the text starts with one: <c>sep=;</c> (or <c>sep=,</c>, <c>sep=|</c>,
    /// a tab; quoted or not, any case), alone on the first line. Excel writes it so a file opens with the right columns in
    /// any locale, and reads it the same way.
    /// </summary>
    public static char? SeparatorHint(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var line = (end < 0 ? text : text[..end]).Trim(' ');
        if (line.Length == 7 && line[0] == '"' && line[^1] == '"') line = line[1..^1];
        return line.Length == 5 && line.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && line[4] is not ('"' or ' ') ? line[4] : null;
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

    /// <summary>
    /// The bytes read as Windows-1252. The five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come through the
    /// code-pages provider as C1 control characters; no spreadsheet writes them, so a file holding one is not Windows-1252
    /// (another code page, or binary) and is refused rather than imported with invisible characters in names.
    /// </summary>
    private static string Windows1252Text(byte[] bytes)
    {
        var text = Strict(Windows1252(), bytes, 0, "Windows-1252");
        var at = text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F');
        if (at >= 0)
            throw new ValidationException("file", $"is not valid Windows-1252 (byte 0x{bytes[at]:X2} at position {at}, line {LineAt(bytes, at)}, is undefined in it). Save it as \"CSV UTF-8\" and upload it again.");
        return text;
    }

    /// <summary>Windows-1252 from the code-pages provider (in the shared framework), asked directly so nothing global is registered.</summary>
    private static Encoding Windows1252() =>
        CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");
}
