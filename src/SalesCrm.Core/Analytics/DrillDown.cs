using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// The leads behind figures the lead list cannot filter by (<c>GET /analytics/drilldown</c>): <c>won</c> / <c>lost</c> (closed in
/// the period; <c>reason</c> narrows lost, <c>closer_id</c> both to the deals that member owned when they closed, as the team report counts them), <c>entered</c> (entered <c>stage_id</c> in the period), <c>not_contacted</c> (open, no
/// outbound contact yet), <c>waiting</c> (an inbound message unanswered), <c>speed_to_lead</c> (first contacted within
/// <c>bucket</c> of the speed-to-lead distribution, among the leads whose wait began in the period), <c>answered</c> (a customer's
/// message answered in the period; <c>bucket</c> narrows to a bucket of the response-time distribution, <c>responder_id</c> to the
/// member who answered), <c>template</c> (the leads <c>template_id</c> was sent to in the period whose send reached <c>status</c>
/// <c>sent|delivered|read|replied</c>), <c>messages</c> (the leads with a message in <c>direction</c> <c>in|out</c> in the period; <c>weekday</c>
/// 0–6 and <c>hour</c> 0–23 narrow to a cell of the busiest hours in the workspace's zone). Same scope rules as the reports; the total of
/// each equals the lead count the report gives beside its figure.
/// </summary>
public sealed class DrillDown(AnalyticsScopes scopes, LeadQuery leads)
{
    public static readonly IReadOnlyList<string> Figures = ["won", "lost", "entered", "not_contacted", "waiting", "speed_to_lead", "answered", "template", "messages"];

    /// <summary>
    /// A page of the leads (newest first). A 400 on <c>figure</c> for an unknown one, on <c>stage_id</c> when <c>entered</c> lacks it,
    /// on <c>bucket</c> when <c>speed_to_lead</c> lacks one of <see cref="DurationBuckets.Names"/> or <c>answered</c> names another, on
    /// <c>template_id</c> / <c>status</c> / <c>direction</c> / <c>weekday</c> / <c>hour</c> of <paramref name="messages"/> (see <see cref="MessageDrill"/>).
    /// </summary>
    public async Task<Paged<LeadDto>> LeadsAsync(string? figure, AnalyticsRequest request, Guid? stageId, string? reason, PageRequest page, CancellationToken ct = default,
        string? bucket = null, Guid? responderId = null, MessageDrill? messages = null, Guid? closerId = null)
    {
        messages ??= new MessageDrill();
        new Validator()
            .When(figure is null || !Figures.Contains(figure), "figure", $"must be one of {string.Join(", ", Figures)}.")
            .When(figure == "entered" && stageId is null, "stage_id", "is required for figure=entered.")
            .When(figure == "speed_to_lead" && !DurationBuckets.Names.Contains(bucket ?? ""), "bucket", $"must be one of {string.Join(", ", DurationBuckets.Names)} for figure=speed_to_lead.")
            .When(figure == "answered" && bucket is not null && !DurationBuckets.Names.Contains(bucket), "bucket", $"must be one of {string.Join(", ", DurationBuckets.Names)}.")
            .When(figure == "template" && messages.TemplateId is null, "template_id", "is required for figure=template.")
            .When(figure == "template" && !TemplateSend.Statuses.Contains(messages.Status ?? ""), "status", $"must be one of {string.Join(", ", TemplateSend.Statuses)} for figure=template.")
            .When(figure == "messages" && messages.Direction is not ("in" or "out"), "direction", "must be in or out for figure=messages.")
            .When(figure == "messages" && (messages.Weekday is null) != (messages.Hour is null), messages.Weekday is null ? "weekday" : "hour", "weekday and hour go together.")
            .When(figure == "messages" && messages.Weekday is < 0 or > 6, "weekday", "must be 0 (Sunday) to 6.")
            .When(figure == "messages" && messages.Hour is < 0 or > 23, "hour", "must be 0 to 23.")
            .ThrowIfInvalid();
        page.Normalize();
        await using var scope = await scopes.OpenAsync(request, ct);
        IQueryable<Guid>? ids = figure switch
        {
            "messages" => CommunicationAnalytics.MessagesOf(scope, messages.Direction == "in" ? MessageDirection.Inbound : MessageDirection.Outbound,
                messages.Weekday, messages.Hour).Select(m => m.LeadId),
            "won" => scope.Closings.Where(h => h.ToStatus == LeadStatus.Won && (closerId == null || h.OwnerId == closerId)).Select(h => h.LeadId),
            "lost" => scope.Closings.Where(h => h.ToStatus == LeadStatus.Lost && (reason == null || h.LostReason == reason) && (closerId == null || h.OwnerId == closerId)).Select(h => h.LeadId),
            "entered" => scope.History.Where(h => h.ToStageId == stageId).Select(h => h.LeadId),
            "not_contacted" => LeadAnalytics.NotContactedLeads(scope).Select(l => l.Id),
            "speed_to_lead" => DurationBuckets.Within(LeadAnalytics.FirstContacts(scope), bucket)!.Select(r => r.LeadId),
            "answered" => Answered(scope, bucket, responderId).Select(r => r.LeadId),
            "waiting" => scope.Responses.Where(r => r.Kind == ResponseKind.Inbound && r.RespondedAt == null).Select(r => r.LeadId),
            _ => null, // template: the sends are read first (see below)
        };
        var sentTo = figure == "template" ? await TemplateLeadsAsync(scope, messages.TemplateId!.Value, messages.Status!, ct) : null;
        // A direction's messages: EXISTS per lead (IX_leads_live, then IX_messages_traffic per lead) instead of IN over every
        // message of the period, which read each lead's row to count 70,000 writers at 100,000 leads (ADR 053); the page stops
        // after its leads. A busiest-hours cell keeps IN: its few messages, read by their time ranges, give the leads (ADR 054).
        var matching = sentTo is not null ? scope.Leads.Where(l => sentTo.Contains(l.Id))
            : figure == "messages" && messages.Weekday is null ? scope.Leads.Where(l => ids!.Any(id => id == l.Id))
            : scope.Leads.Where(l => ids!.Contains(l.Id));
        var total = await matching.CountAsync(ct);
        // Nothing to page (an empty bar or cell, or past the end): no second query. A small set is paged from its own rows: SQLite
        // pages it by walking every lead newest first until it has a page, all 100,000 of them for a set smaller than one (ADR 054).
        var rows = total <= page.Offset ? []
            : total <= SmallSet ? await SmallPageAsync(scope, matching, page, ct)
            : await matching.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<LeadDto>(await leads.MapAsync(scope.Db, rows, ct), total, page.Limit, page.Offset);
    }

    /// <summary>Largest set of leads <see cref="SmallPageAsync"/> pages (its ids and creation times are read whole).</summary>
    private const int SmallSet = 2000;

    /// <summary>
    /// A page of <paramref name="matching"/>, a set of at most <see cref="SmallSet"/> leads, in the order the large path gives
    /// (newest first, then by id as both databases order ids: their text, the uuid's bytes): the set's ids and creation times
    /// are read by id, ordered here, and the page's leads read by id.
    /// </summary>
    private static async Task<List<Lead>> SmallPageAsync(AnalyticsScope scope, IQueryable<Lead> matching, PageRequest page, CancellationToken ct)
    {
        var keys = await matching.Select(l => new { l.Id, l.CreatedAt }).ToListAsync(ct);
        var ids = keys.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id.ToString("D"), StringComparer.OrdinalIgnoreCase)
            .Skip(page.Offset).Take(page.Limit).Select(k => k.Id).ToList();
        var found = await scope.Leads.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    /// <summary>The leads of the template's sends in the period that reached <paramref name="status"/>, as the template figures count them.</summary>
    private static async Task<List<Guid>> TemplateLeadsAsync(AnalyticsScope scope, Guid templateId, string status, CancellationToken ct) =>
        (await CommunicationAnalytics.TemplateSendsAsync(scope, templateId, ct)).Where(s => s.Reached(status)).Select(s => s.LeadId).Distinct().ToList();

    private static IQueryable<LeadResponse> Answered(AnalyticsScope scope, string? bucket, Guid? responderId)
    {
        var answered = CommunicationAnalytics.Answered(scope);
        if (bucket is not null) answered = DurationBuckets.Within(answered, bucket)!;
        return responderId is { } who ? answered.Where(r => r.ResponderId == who) : answered;
    }
}
