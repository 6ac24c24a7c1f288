namespace SalesCrm.Core.Leads;

/// <summary>
/// What an import did: rows read, leads created, updated (blanks filled) or unchanged, rows refused (<c>Errors</c>), and
/// rows imported with a warning (<c>Warnings</c>; counted in created/updated/unchanged too). Row numbers count the header as 1.
/// </summary>
/// <param name="Encoding">What the file was read as (<c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>UTF-16</c>, <c>Windows-1252</c>).</param>
/// <param name="Delimiter">The field separator found on the header line (<c>;</c>, <c>,</c> or <c>tab</c>).</param>
public sealed record ImportReport(int Total, int Created, int Updated, int Unchanged, int Invalid, IReadOnlyList<ImportRowError> Errors,
    IReadOnlyList<ImportRowWarning> Warnings, string? Encoding = null, string? Delimiter = null);
