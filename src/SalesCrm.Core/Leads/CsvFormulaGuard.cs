namespace SalesCrm.Core.Leads;

/// <summary>
/// OWASP's CSV-injection rule for the cells we export, and its inverse for the cells we import. Names and notes arrive
/// from public webhooks, so a cell like <c>=HYPERLINK(…)</c> must reach a spreadsheet as text, not as a formula.
/// </summary>
/// <remarks>
/// A cell beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is written with a leading
/// <c>'</c>. Import removes a <c>'</c> only when it is
/// followed by one of them, so <c>'+5511987654321</c> from our export imports as <c>+5511987654321</c>: an exported file
/// round-trips. Stored data is never changed.
/// </remarks>
public static class CsvFormulaGuard
{
    /// <summary>The characters that make a spreadsheet read a cell as a formula (OWASP).</summary>
    public static readonly char[] TriggerCharacters = ['=', '+', '-', '@', '\t', '\r'];

    public const char EscapeCharacter = '\'';

    /// <summary>The cell as exported: prefixed with <c>'</c> when it begins with a trigger character.</summary>
    public static string? Neutralise(string? cell) =>
        cell is { Length: > 0 } && TriggerCharacters.Contains(cell[0]) ? EscapeCharacter + cell : cell;

    /// <summary>The cell as stored again: the <c>'</c> added by <see cref="Neutralise"/> removed.</summary>
    public static string Restore(string cell) =>
        cell.Length > 1 && cell[0] == EscapeCharacter && TriggerCharacters.Contains(cell[1]) ? cell[1..] : cell;
}
