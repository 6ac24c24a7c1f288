using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Analytics;

/// <summary>The marketing dashboard (<see cref="MarketingReport"/>): leads, won deals and revenue by campaign or source, with cost per lead, CAC and ROI from spend. Needs <c>reports.view</c>.</summary>
public sealed class MarketingAnalytics(AnalyticsScopes scopes)
{
    private static readonly LeadDimension[] Groupings = [LeadDimension.UtmCampaign, LeadDimension.UtmSource, LeadDimension.UtmMedium, LeadDimension.Source];

    /// <summary><c>group_by</c>: utm_campaign (default; the only grouping spend applies to), utm_source, utm_medium or source; else a 400 on <c>group_by</c>.</summary>
    public async Task<MarketingReport> GetAsync(AnalyticsRequest request, CancellationToken ct = default)
    {
        var dimension = LeadAnalytics.Dimension(request.GroupBy, LeadDimension.UtmCampaign);
        if (!Groupings.Contains(dimension)) throw new ValidationException("group_by", "must be utm_campaign, utm_source, utm_medium or source.");
        await using var scope = await scopes.OpenAsync(request, ct);
        var groups = await LeadCube.GroupAsync(scope, [dimension], [], ct);
        var spend = dimension == LeadDimension.UtmCampaign
            ? await MarketingSpendService.Query(scope.Db, scope.Period.From, scope.Period.To).ToListAsync(ct) : [];
        var here = spend.Where(s => s.Currency == scope.Currency).GroupBy(s => s.Campaign.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Sum(s => s.AmountCents));
        var rows = groups.Select(g =>
        {
            decimal? cost = g.Keys[0] is { } k && here.TryGetValue(k.ToLowerInvariant(), out var cents) ? AnalyticsScope.Money(cents) : null;
            return new CampaignFigures(g.Keys[0], g.Leads, g.Won, g.ValueWon, cost, cost is { } c1 && g.Leads > 0 ? Math.Round(c1 / g.Leads, 2) : null,
                cost is { } c2 && g.Won > 0 ? Math.Round(c2 / g.Won, 2) : null, cost is { } c3 && c3 > 0 ? Math.Round((double)((g.ValueWon - c3) / c3), 4) : null, g.LeadsUrl);
        }).ToList();
        // Campaigns that cost money in the period and brought no lead still show, with their spend.
        foreach (var (campaign, cents) in here.Where(s => !rows.Any(r => string.Equals(r.Key, s.Key, StringComparison.OrdinalIgnoreCase))))
            rows.Add(new CampaignFigures(spend.First(s => s.Campaign.Equals(campaign, StringComparison.OrdinalIgnoreCase)).Campaign, 0, 0, 0, AnalyticsScope.Money(cents), null, null,
                cents > 0 ? -1 : null, scope.LeadsUrl(("utm_campaign", $"eq.{campaign}"))));
        var cohort = scope.Leads.Where(l => l.CreatedAt >= scope.Period.StartUtc && l.CreatedAt < scope.Period.EndUtc);
        return new MarketingReport(scope.Currency, scope.Period.From, scope.Period.To, SnakeEnum.ToText(dimension), rows, await scope.OtherCurrenciesAsync(cohort, ct),
            spend.Where(s => s.Currency != scope.Currency).Select(MarketingSpendService.ToDto).ToList());
    }
}
