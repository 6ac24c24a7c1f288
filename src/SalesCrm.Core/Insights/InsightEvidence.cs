namespace SalesCrm.Core.Insights;

/// <summary>
/// What an insight rests on: named figures (counts, percentages 0–100, hours, money in major units of
/// <see cref="Currency"/>), the periods compared (workspace-local dates), and the leads behind it (at most
/// <see cref="InsightRules.MaxLeads"/> ids; <see cref="LeadCount"/> counts them all).
/// </summary>
public sealed record InsightEvidence(
    IReadOnlyDictionary<string, decimal> Figures,
    IReadOnlyList<Guid> LeadIds,
    int LeadCount,
    string? Currency = null,
    DateOnly? From = null,
    DateOnly? To = null,
    DateOnly? PreviousFrom = null,
    DateOnly? PreviousTo = null,
    Guid? PipelineId = null,
    Guid? FromStageId = null,
    Guid? ToStageId = null);
