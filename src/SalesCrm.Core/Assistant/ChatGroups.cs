using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Assistant;

/// <summary>
/// Counts and sums the rows of a closing or open-deal question in the database (GROUP BY the dimension — source,
/// campaign, stage, owner, local month in the workspace's zone —, status and currency), and labels the groups.
/// </summary>
internal static class ChatGroups
{
    /// <summary>The tallies of <paramref name="rows"/>, one per dimension value × status × currency (only status × currency without a dimension).</summary>
    public static async Task<List<ChatTally>> TallyAsync(AnalyticsScope scope, IQueryable<ChatRow> rows, LeadDimension? dimension, CancellationToken ct)
    {
        switch (dimension)
        {
            case null:
                return (await rows.GroupBy(r => new { r.Status, r.Currency }).Select(g => new { g.Key.Status, g.Key.Currency, Count = g.Count(), Cents = g.Sum(r => r.ValueCents) }).ToListAsync(ct))
                    .Select(g => new ChatTally(null, g.Status, g.Currency, g.Count, g.Cents)).ToList();
            case LeadDimension.Source:
                return (await rows.GroupBy(r => new { r.Source, r.Status, r.Currency }).Select(g => new { g.Key.Source, g.Key.Status, g.Key.Currency, Count = g.Count(), Cents = g.Sum(r => r.ValueCents) }).ToListAsync(ct))
                    .Select(g => new ChatTally(SnakeEnum.ToText(g.Source), g.Status, g.Currency, g.Count, g.Cents)).ToList();
            case LeadDimension.UtmCampaign:
                return (await rows.GroupBy(r => new { r.UtmCampaign, r.Status, r.Currency }).Select(g => new { g.Key.UtmCampaign, g.Key.Status, g.Key.Currency, Count = g.Count(), Cents = g.Sum(r => r.ValueCents) }).ToListAsync(ct))
                    .Select(g => new ChatTally(g.UtmCampaign, g.Status, g.Currency, g.Count, g.Cents)).ToList();
            case LeadDimension.Stage:
                return (await rows.GroupBy(r => new { r.StageId, r.Status, r.Currency }).Select(g => new { g.Key.StageId, g.Key.Status, g.Key.Currency, Count = g.Count(), Cents = g.Sum(r => r.ValueCents) }).ToListAsync(ct))
                    .Select(g => new ChatTally(g.StageId.ToString(), g.Status, g.Currency, g.Count, g.Cents)).ToList();
            case LeadDimension.Owner:
                return (await rows.GroupBy(r => new { r.OwnerId, r.Status, r.Currency }).Select(g => new { g.Key.OwnerId, g.Key.Status, g.Key.Currency, Count = g.Count(), Cents = g.Sum(r => r.ValueCents) }).ToListAsync(ct))
                    .Select(g => new ChatTally(g.OwnerId?.ToString(), g.Status, g.Currency, g.Count, g.Cents)).ToList();
            default:
                // Local months as UTC instants: the database picks each row's month by comparisons (ReportPeriod.BucketIndex), the same SQL on every provider.
                if (await rows.MinAsync(r => (DateTime?)r.At, ct) is not { } first || await rows.MaxAsync(r => (DateTime?)r.At, ct) is not { } last) return [];
                var zone = scope.Period.Zone;
                var months = new List<DateOnly>();
                for (var m = Month(scope.Period.LocalDay(first)); m <= scope.Period.LocalDay(last); m = m.AddMonths(1)) months.Add(m);
                var starts = months.Select(m => TimeZoneInfo.ConvertTimeToUtc(m.ToDateTime(TimeOnly.MinValue), zone)).ToList();
                var index = ReportPeriod.BucketIndex<ChatRow, DateTime>(r => r.At, starts);
                var byIndex = await rows.GroupBy(index).Select(g => new { Index = g.Key, Count = g.Count() }).ToListAsync(ct);
                var tallies = new List<ChatTally>();
                foreach (var (m, i) in months.Select((m, i) => (m, i)))
                {
                    if (byIndex.All(b => b.Index != i)) continue;
                    var start = starts[i];
                    var inMonth = rows.Where(r => r.At >= start);
                    if (i + 1 < starts.Count) { var end = starts[i + 1]; inMonth = inMonth.Where(r => r.At < end); }
                    tallies.AddRange((await inMonth.GroupBy(r => new { r.Status, r.Currency })
                            .Select(g => new { g.Key.Status, g.Key.Currency, Count = g.Count(), Cents = g.Sum(r => r.ValueCents) }).ToListAsync(ct))
                        .Select(g => new ChatTally(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), g.Status, g.Currency, g.Count, g.Cents)));
                }
                return tallies;
        }
    }

    /// <summary>The tallies grouped by their key with labels (member and stage names read once), largest first (months in order).</summary>
    public static async Task<List<(string Label, List<ChatTally> Tallies)>> ByAsync(AnalyticsScope scope, LeadDimension dimension, IReadOnlyList<ChatTally> tallies, ChatLanguage language,
        CancellationToken ct)
    {
        var names = new Dictionary<string, string>();
        var keys = tallies.Where(t => t.Key is not null).Select(t => t.Key!).Distinct().ToList();
        if (dimension == LeadDimension.Owner)
        {
            var ids = keys.Select(Guid.Parse).ToList();
            foreach (var u in await scope.Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct)) names[u.Id.ToString()] = u.Name;
        }
        if (dimension == LeadDimension.Stage)
        {
            var ids = keys.Select(Guid.Parse).ToList();
            foreach (var s in await scope.Db.Stages.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct)) names[s.Id.ToString()] = s.Name;
        }
        var groups = tallies.GroupBy(t => t.Key)
            .Select(g => (Label: ChatQueries.GroupLabel(dimension, g.Key is null ? null : names.GetValueOrDefault(g.Key, g.Key), language), g.Key, Tallies: g.ToList(), Count: g.Sum(t => t.Count)));
        var ordered = dimension == LeadDimension.Month ? groups.OrderBy(g => g.Key, StringComparer.Ordinal) : groups.OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal);
        return ordered.Select(g => (g.Label, g.Tallies)).ToList();
    }

    /// <summary>Deals in other currencies than <paramref name="currency"/>, per currency, left out of sums.</summary>
    public static List<CurrencyShare> OtherCurrencies(IEnumerable<ChatTally> tallies, string currency) =>
        tallies.Where(t => t.Currency != currency).GroupBy(t => t.Currency).Select(g => new CurrencyShare(g.Key, g.Sum(t => t.Count))).ToList();

    private static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);
}
