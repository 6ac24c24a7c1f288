namespace SalesCrm.Core.Leads;

/// <summary>What a board shows: the loaded cards of every column, and each stage's totals (stages without leads are absent).</summary>
public sealed record BoardColumns(IReadOnlyList<LeadDto> Cards, IReadOnlyDictionary<Guid, StageTotals> Totals);
