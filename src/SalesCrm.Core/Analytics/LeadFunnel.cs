using SalesCrm.Core.Common;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// A lead's path through one pipeline, rolled up from its <see cref="LeadStageHistory"/> rows there (table
/// <c>lead_funnels</c>): the first and last change and the stages it entered. Kept by database triggers on
/// <c>lead_stage_history</c> (<see cref="LeadFunnelSql"/>), so every path that writes or deletes history keeps it, in the same
/// transaction. The pipeline funnel counts the leads whose whole path lies inside the report's period from these rows
/// (one per lead instead of one per change) and only the leads whose path crosses the period's edges from the history (ADR 035).
/// </summary>
public sealed class LeadFunnel : ITenantOwned
{
    /// <summary>The set of stages is too long to keep (<see cref="LeadFunnelSql.MaxStagesLength"/>): the funnel reads this lead's history.</summary>
    public const string Overflow = "*";

    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public Guid PipelineId { get; set; }
    /// <summary>The lead's first stage change in the pipeline (UTC).</summary>
    public DateTime FirstAt { get; set; }
    /// <summary>The lead's last stage change in the pipeline (UTC).</summary>
    public DateTime LastAt { get; set; }
    /// <summary>
    /// The stages the lead entered in the pipeline, comma-separated ids, each once, in no particular order (the same set may be
    /// written in two orders); <see cref="Overflow"/> when too long to keep.
    /// </summary>
    public string Stages { get; set; } = "";
}
