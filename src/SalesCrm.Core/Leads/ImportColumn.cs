namespace SalesCrm.Core.Leads;

/// <summary>How the import reads one column of a CSV file.</summary>
/// <param name="Number">The column's position, 1 for the first.</param>
/// <param name="Title">Its title on the header line ("" when it has none).</param>
/// <param name="Field">The lead field it is imported into (<see cref="LeadImportColumns.TargetFields"/>), or null when it is not imported.</param>
/// <param name="Warning">Why a column is not imported (no field for its title, left out by the mapping, a field an earlier column already fills); null when it is.</param>
/// <param name="SameFieldAs">The number of the earlier column that fills the field this one maps to (so this one is not imported), else null.</param>
public sealed record ImportColumn(int Number, string Title, string? Field, string? Warning, int? SameFieldAs = null)
{
    /// <summary>How the report names the column: its title, or its position when it has none.</summary>
    public string Label => Title.Length > 0 ? Title : $"column {Number}";
}
