using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Analytics;

/// <summary>The leads dashboard (<see cref="LeadsReport"/>): new leads by source, campaign or period, speed-to-lead, leads not contacted yet. Needs <c>reports.view</c>.</summary>
public sealed class LeadAnalytics(AnalyticsScopes scopes)
{
    /// <summary>
    /// <c>group_by</c>: source (default), utm_source, utm_medium, utm_campaign, owner, pipeline, stage, status, priority, day, week
    /// or month; anything else is a 400 on <c>group_by</c>. Other errors: see <see cref="AnalyticsScopes.OpenAsync"/>.
    /// </summary>
    public async Task<LeadsReport> GetAsync(AnalyticsRequest request, CancellationToken ct = default)
    {
        var dimension = Dimension(request.GroupBy, LeadDimension.Source);
        await using var scope = await scopes.OpenAsync(request, ct);
        var groups = await LeadCube.GroupAsync(scope, [dimension], [], ct);
        var cohort = scope.Leads.Where(l => l.CreatedAt >= scope.Period.StartUtc && l.CreatedAt < scope.Period.EndUtc);
        var speed = await DurationBuckets.OfAsync(FirstContacts(scope), byResponder: false, ct);
        var distribution = speed.Distribution.Select(d => d with { Leads = scope.DrillUrl("speed_to_lead", ("bucket", d.Bucket)) }).ToList();
        return new LeadsReport(scope.Currency, scope.Period.From, scope.Period.To, SnakeEnum.ToText(dimension),
            groups.Select(g => new LeadGroup(g.Keys[0], g.Labels[0], g.Leads, g.Won, g.ValueWon, g.LeadsUrl)).ToList(),
            new SpeedToLead(speed.Waits, speed.Answered, speed.AvgMinutes, speed.MedianMinutes, distribution),
            new NotContacted(await CountNotContactedAsync(scope, ct), scope.DrillUrl("not_contacted")), await scope.OtherCurrenciesAsync(cohort, ct));
    }

    /// <summary>
    /// How many <see cref="NotContactedLeads"/> there are, counted from the open first-contact waits (a few thousand) with a
    /// lookup of each one's lead, instead of from the open leads (most of the workspace) with a lookup of each one's wait (ADR 044).
    /// </summary>
    private static Task<int> CountNotContactedAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var open = scope.Leads.Where(l => l.Status == LeadStatus.Open);
        return scope.Db.LeadResponses.Where(r => r.Kind == ResponseKind.FirstContact && r.RespondedAt == null).Select(r => r.LeadId).Distinct()
            .CountAsync(id => open.Any(l => l.Id == id), ct);
    }

    /// <summary>The first-contact waits of the visible leads that began in the period (speed-to-lead's population).</summary>
    internal static IQueryable<LeadResponse> FirstContacts(AnalyticsScope scope) =>
        scope.Responses.Where(r => r.Kind == ResponseKind.FirstContact && r.WaitingSince >= scope.Period.StartUtc && r.WaitingSince < scope.Period.EndUtc);

    /// <summary>Open visible leads with a first-contact wait still open.</summary>
    internal static IQueryable<Lead> NotContactedLeads(AnalyticsScope scope)
    {
        // IN (…) rather than a correlated EXISTS: SQLite reads the open waits once instead of once per lead.
        var waiting = scope.Db.LeadResponses.Where(r => r.Kind == ResponseKind.FirstContact && r.RespondedAt == null).Select(r => r.LeadId);
        return scope.Leads.Where(l => l.Status == LeadStatus.Open && waiting.Contains(l.Id));
    }

    /// <summary>The dimension a <c>group_by</c> names (snake_case; <c>owner_id</c>, <c>stage_id</c>, <c>pipeline_id</c> too), or a 400 on <paramref name="field"/>.</summary>
    public static LeadDimension Dimension(string? text, LeadDimension fallback, string field = "group_by")
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        var name = text.EndsWith("_id", StringComparison.Ordinal) ? text[..^3] : text;
        return SnakeEnum.TryParse<LeadDimension>(name, out var d) ? d
            : throw new ValidationException(field, $"'{text}' is not one of {string.Join(", ", SnakeEnum.Names<LeadDimension>())}.");
    }
}
