using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ValidationException = SalesCrm.Core.Common.ValidationException;

namespace SalesCrm.Core.Leads;

/// <summary>
/// Reads the records of a decoded CSV file (<see cref="CsvFileDecoder"/>) with its delimiter, past Excel's <c>sep=</c>
/// line, refusing the file when a quote opens a value and never closes (<see cref="CsvQuotes"/>) instead of reading the
/// rest of the file into one cell. Each record knows the file line it starts on.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly CsvReader _reader;
    private readonly char _delimiter;
    private readonly string _text;
    private int _counted;
    private int _line = 1;

    private CsvRecordReader(DecodedCsv file)
    {
        _delimiter = file.Delimiter;
        _text = file.Text;
        _reader = new CsvReader(new StringReader(file.Text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = file.Delimiter.ToString(), BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim,
        });
        if (file.SeparatorLine) _reader.Read();
    }

    /// <summary>A reader over <paramref name="file"/>, before its header.</summary>
    public static CsvRecordReader Open(DecodedCsv file) => new(file);

    /// <summary>The file line (1-based, as a text editor counts) where the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The number of cells of the current record.</summary>
    public int Count => _reader.Parser.Count;

    /// <summary>The cell at <paramref name="index"/> of the current record, trimmed; "" past its last cell.</summary>
    public string this[int index] => index < _reader.Parser.Count ? _reader.Parser[index] ?? "" : "";

    /// <summary>
    /// Reads the header record: its titles, or an empty list for an empty file. Throws <see cref="ValidationException"/>
    /// on <c>file</c> when a quote in it never closes.
    /// </summary>
    public IReadOnlyList<string> ReadHeader()
    {
        if (!Read()) return [];
        return Enumerable.Range(0, Count).Select(i => this[i]).ToList();
    }

    /// <summary>
    /// Moves to the next record (blank lines are skipped); false at the end of the file. Throws
    /// <see cref="ValidationException"/> on <c>file</c>, naming the line, when a quote opens a value and never closes.
    /// </summary>
    public bool Read()
    {
        if (!_reader.Read()) return false;
        var raw = _reader.Parser.RawRecord;
        Line = LineAt((int)_reader.Parser.CharCount - raw.Length);
        if (CsvQuotes.UnclosedQuote(raw, _delimiter) is { } at)
        {
            var end = raw.AsSpan(at).IndexOfAny('\r', '\n');
            var text = (end < 0 ? raw[at..] : raw.Substring(at, end)).Trim();
            throw new ValidationException("file",
                $"line {Line + CsvQuotes.LineBreaks(raw.AsSpan(0, at))}: a quote opens here and is never closed ({Excerpt(text)}), so every later line " +
                "would be read into that one value. Close the quote, or write a quote inside a value as two (\"\"). Nothing was imported.");
        }
        return true;
    }

    /// <summary>The line of the character at <paramref name="offset"/>, counting on from the last record (records only move forward).</summary>
    private int LineAt(int offset)
    {
        _line += CsvQuotes.LineBreaks(_text.AsSpan(_counted, offset - _counted));
        _counted = offset;
        return _line;
    }

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public void Dispose() => _reader.Dispose();
}
