namespace SalesCrm.Core.Leads;

/// <summary>A row the import refused, with the errors by field; <paramref name="Row"/> counts the header as 1.</summary>
public sealed record ImportRowError(int Row, IReadOnlyDictionary<string, string[]> Errors);
