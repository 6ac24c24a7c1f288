namespace SalesCrm.Core.Leads;

/// <summary>A CSV file's text with the encoding and delimiter it was read with.</summary>
/// <param name="Text">The decoded text (no byte-order mark, never a U+FFFD replacement character), line numbers as in the file.</param>
/// <param name="Encoding">What the bytes were read as: <c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>UTF-16</c> or <c>Windows-1252</c>.</param>
/// <param name="Delimiter">The field separator: the one Excel's <c>sep=</c> line names, else the one found on the header line (<c>;</c>, <c>,</c> or a tab).</param>
/// <param name="SeparatorLine">The first line is Excel's <c>sep=</c> hint, not the header: readers skip it.</param>
public sealed record DecodedCsv(string Text, string Encoding, char Delimiter, bool SeparatorLine);
