using SalesCrm.Core.Common;

namespace SalesCrm.Core.Insights;

/// <summary>
/// A finding about a workspace computed offline by <see cref="InsightGenerator"/> (conversion fell, hot leads waiting, a rep
/// slower than before, deals overdue or stalled): what it is, how sure, the figures and leads behind it, and what to do.
/// One per <see cref="DedupeKey"/> per workspace, so running the job again the same day refreshes it instead of adding one.
/// </summary>
public sealed class Insight : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public InsightKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public required string Recommendation { get; set; }
    public InsightPriority Priority { get; set; }
    /// <summary>0..1: how sure the statistics are (1 for a plain count of facts, a test's confidence for a change between periods).</summary>
    public double Confidence { get; set; }
    /// <summary>JSON of <see cref="InsightEvidence"/>: the figures and the leads behind the finding.</summary>
    public string Evidence { get; set; } = "{}";
    /// <summary>The member the insight is about (a rep whose response time grew); null for a workspace-wide finding.</summary>
    public Guid? SubjectUserId { get; set; }
    public InsightStatus Status { get; set; } = InsightStatus.New;
    /// <summary>Whether the text is the offline rules' (<c>rules</c>) or the chat model's rewrite that passed the figure check (<c>llm</c>).</summary>
    public string TextSource { get; set; } = InsightTextSources.Rules;
    /// <summary>Kind, subject and the workspace's local day: <c>hot_leads_unanswered:2026-12-01</c>.</summary>
    public required string DedupeKey { get; set; }
    /// <summary>When the figures were last computed (UTC).</summary>
    public DateTime GeneratedAt { get; set; }
    /// <summary>When a member dismissed it or marked it done (UTC).</summary>
    public DateTime? ResolvedAt { get; set; }
    public Guid? ResolvedBy { get; set; }
}
