namespace SalesCrm.Core.Leads;

/// <summary>
/// What an import did: rows read, leads created, updated (blanks filled, a note added) or unchanged, rows refused
/// (<c>Errors</c>), and warnings (<c>Warnings</c>): rows imported with something left out (counted in
/// created/updated/unchanged too) and, on the header's row, each column that was not imported, keyed by its title. A row
/// number is the file line the row starts on (the header is 1, or 2 after Excel's <c>sep=</c> line).
/// </summary>
/// <param name="Encoding">What the file was read as (<c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>UTF-16</c>, <c>Windows-1252</c>).</param>
/// <param name="Delimiter">The field separator found on the header line (<c>;</c>, <c>,</c> or <c>tab</c>).</param>
public sealed record ImportReport(int Total, int Created, int Updated, int Unchanged, int Invalid, IReadOnlyList<ImportRowError> Errors,
    IReadOnlyList<ImportRowWarning> Warnings, string? Encoding = null, string? Delimiter = null);
