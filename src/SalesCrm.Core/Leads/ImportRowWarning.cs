namespace SalesCrm.Core.Leads;

/// <summary>A row imported with something left out, e.g. a phone that is no number (kept as <c>phone_raw</c>), by field.</summary>
public sealed record ImportRowWarning(int Row, IReadOnlyDictionary<string, string[]> Warnings);
