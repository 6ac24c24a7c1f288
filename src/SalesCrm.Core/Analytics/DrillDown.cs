using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// The leads behind figures the lead list cannot filter by (<c>GET /analytics/drilldown</c>): <c>won</c> / <c>lost</c> (closed in
/// the period; <c>reason</c> narrows lost), <c>entered</c> (entered <c>stage_id</c> in the period), <c>not_contacted</c> (open, no
/// outbound contact yet), <c>waiting</c> (an inbound message unanswered), <c>speed_to_lead</c> (first contacted within
/// <c>bucket</c> of the speed-to-lead distribution, among the leads whose wait began in the period), <c>answered</c> (a customer's
/// message answered in the period; <c>bucket</c> narrows to a bucket of the response-time distribution, <c>responder_id</c> to the
/// member who answered). Same scope rules as the reports.
/// </summary>
public sealed class DrillDown(AnalyticsScopes scopes, LeadQuery leads)
{
    public static readonly IReadOnlyList<string> Figures = ["won", "lost", "entered", "not_contacted", "waiting", "speed_to_lead", "answered"];

    /// <summary>
    /// A page of the leads (newest first). A 400 on <c>figure</c> for an unknown one, on <c>stage_id</c> when <c>entered</c> lacks it,
    /// on <c>bucket</c> when <c>speed_to_lead</c> lacks one of <see cref="DurationBuckets.Names"/> or <c>answered</c> names another.
    /// </summary>
    public async Task<Paged<LeadDto>> LeadsAsync(string? figure, AnalyticsRequest request, Guid? stageId, string? reason, PageRequest page, CancellationToken ct = default,
        string? bucket = null, Guid? responderId = null)
    {
        new Validator()
            .When(figure is null || !Figures.Contains(figure), "figure", $"must be one of {string.Join(", ", Figures)}.")
            .When(figure == "entered" && stageId is null, "stage_id", "is required for figure=entered.")
            .When(figure == "speed_to_lead" && !DurationBuckets.Names.Contains(bucket ?? ""), "bucket", $"must be one of {string.Join(", ", DurationBuckets.Names)} for figure=speed_to_lead.")
            .When(figure == "answered" && bucket is not null && !DurationBuckets.Names.Contains(bucket), "bucket", $"must be one of {string.Join(", ", DurationBuckets.Names)}.")
            .ThrowIfInvalid();
        page.Normalize();
        await using var scope = await scopes.OpenAsync(request, ct);
        IQueryable<Guid> ids = figure switch
        {
            "won" => scope.Closings.Where(h => h.ToStatus == LeadStatus.Won).Select(h => h.LeadId),
            "lost" => scope.Closings.Where(h => h.ToStatus == LeadStatus.Lost && (reason == null || h.LostReason == reason)).Select(h => h.LeadId),
            "entered" => scope.History.Where(h => h.ToStageId == stageId).Select(h => h.LeadId),
            "not_contacted" => LeadAnalytics.NotContactedLeads(scope).Select(l => l.Id),
            "speed_to_lead" => DurationBuckets.Within(LeadAnalytics.FirstContacts(scope), bucket)!.Select(r => r.LeadId),
            "answered" => Answered(scope, bucket, responderId).Select(r => r.LeadId),
            _ => scope.Responses.Where(r => r.Kind == ResponseKind.Inbound && r.RespondedAt == null).Select(r => r.LeadId),
        };
        var matching = scope.Leads.Where(l => ids.Contains(l.Id));
        var total = await matching.CountAsync(ct);
        var rows = await matching.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<LeadDto>(await leads.MapAsync(scope.Db, rows, ct), total, page.Limit, page.Offset);
    }

    private static IQueryable<LeadResponse> Answered(AnalyticsScope scope, string? bucket, Guid? responderId)
    {
        var answered = CommunicationAnalytics.Answered(scope);
        if (bucket is not null) answered = DurationBuckets.Within(answered, bucket)!;
        return responderId is { } who ? answered.Where(r => r.ResponderId == who) : answered;
    }
}
