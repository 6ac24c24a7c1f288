namespace SalesCrm.Core.Leads;

/// <summary>
/// Finds the quote that made a CSV reader swallow lines: a value that opens with <c>"</c> and never closes reads every
/// later line into one cell (CsvHelper, like Excel, keeps going to the end of the file), so a forgotten quote would
/// turn the rest of a file into one lead's name.
/// </summary>
/// <remarks>
/// Checked on the raw text of one record as the reader split it. A well-formed quoted value is <c>"</c>, text in which
/// a quote is written <c>""</c>, <c>"</c>, then spaces and the delimiter or the end of the line: its quotes are even
/// and line breaks inside it are part of the value (Excel notes). A quote that opens a value and reaches the end of
/// the record unclosed is the fault; so is one "closed" on a later line by a stray quote with text after it
/// (<c>Tv 5" tela</c> ending a value that opened two lines up), since the lines between were swallowed too. A stray
/// quote within one line (<c>Tv 5" tela</c> alone, <c>"Ana" Silva</c>) swallows nothing and is read as the reader
/// reads it.
/// </remarks>
public static class CsvQuotes
{
    /// <summary>
    /// The position in <paramref name="record"/> of a quote that opens a value and never closes (or closes only on a
    /// later line, inside other text), or null when every quoted value of the record is whole.
    /// </summary>
    /// <param name="record">One record's raw text, as read (its line break at the end included or not).</param>
    public static int? UnclosedQuote(string record, char delimiter)
    {
        var body = WithoutEndOfLine(record);
        var i = 0;
        while (true)
        {
            while (i < body.Length && IsSpace(body[i], delimiter)) i++;
            if (i < body.Length && body[i] == '"')
            {
                var open = i++;
                var closed = false;
                while (i < body.Length && !closed)
                {
                    if (body[i] != '"') i++;
                    else if (i + 1 < body.Length && body[i + 1] == '"') i += 2;
                    else { i++; closed = true; }
                }
                if (!closed) return open;
                while (i < body.Length && IsSpace(body[i], delimiter)) i++;
                if (i >= body.Length) return null;
                if (body[i] == delimiter) { i++; continue; }
                // Text after the closing quote: harmless on one line, a swallowed line break otherwise.
                return body.AsSpan(open).IndexOfAny('\r', '\n') >= 0 ? open : null;
            }
            var next = body.IndexOf(delimiter, i);
            if (next < 0) return null;
            i = next + 1;
        }
    }

    /// <summary>The line breaks (<c>\r\n</c>, <c>\n</c> or <c>\r</c>) in <paramref name="text"/>.</summary>
    public static int LineBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) count++;
        }
        return count;
    }

    /// <summary>The record without the line break that ends it.</summary>
    public static string WithoutEndOfLine(string record) =>
        record.EndsWith("\r\n", StringComparison.Ordinal) ? record[..^2] : record.EndsWith('\n') || record.EndsWith('\r') ? record[..^1] : record;

    /// <summary>What the reader trims around values (its <c>TrimOptions.Trim</c>): spaces and tabs, unless tab separates.</summary>
    private static bool IsSpace(char c, char delimiter) => c == ' ' || (c == '\t' && delimiter != '\t');
}
