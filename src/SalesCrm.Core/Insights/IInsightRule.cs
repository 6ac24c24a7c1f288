namespace SalesCrm.Core.Insights;

/// <summary>One offline rule: reads a workspace through <see cref="InsightContext"/> and returns what it found (nothing, one or several).</summary>
public interface IInsightRule
{
    Task<IReadOnlyList<InsightDraft>> EvaluateAsync(InsightContext context, CancellationToken ct);
}
