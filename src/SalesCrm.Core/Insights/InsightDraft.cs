namespace SalesCrm.Core.Insights;

/// <summary>
/// What a rule found, before it is stored: the kind, what it is about (<see cref="Subject"/>, part of the dedupe key), the
/// texts written offline from the evidence, the priority, the confidence (0..1) and the evidence.
/// </summary>
public sealed record InsightDraft(
    InsightKind Kind,
    string Subject,
    Guid? SubjectUserId,
    InsightPriority Priority,
    double Confidence,
    InsightEvidence Evidence,
    InsightText Text);
