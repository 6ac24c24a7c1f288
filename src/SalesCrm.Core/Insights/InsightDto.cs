namespace SalesCrm.Core.Insights;

/// <summary>
/// An insight as the API and the home panel show it. <see cref="Confidence"/> 0..1; <see cref="Evidence"/> its figures
/// (money in major units of its currency, percentages 0–100) and leads; times UTC. <see cref="Culture"/>: the language its title,
/// description and recommendation are written in (<c>pt-BR</c> or <c>en</c>).
/// </summary>
public sealed record InsightDto(
    Guid Id,
    InsightKind Kind,
    string Title,
    string Description,
    string Recommendation,
    InsightPriority Priority,
    double Confidence,
    InsightEvidence Evidence,
    Guid? SubjectUserId,
    InsightStatus Status,
    string TextSource,
    DateTime GeneratedAt,
    DateTime? ResolvedAt,
    string Culture = "pt-BR");
