using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Assistant;

/// <summary>Cuts the rows of a closing or open-deal question by its dimension (source, campaign, stage, owner, month in the workspace's zone), labels included.</summary>
internal static class ChatGroups
{
    /// <summary>Groups of <paramref name="rows"/> by <paramref name="dimension"/>, largest first (months in order), with their labels.</summary>
    public static async Task<List<(string Label, List<ChatRow> Rows)>> ByAsync(AnalyticsScope scope, LeadDimension dimension, IReadOnlyList<ChatRow> rows, ChatLanguage language,
        CancellationToken ct)
    {
        Func<ChatRow, string?> key = dimension switch
        {
            LeadDimension.Source => r => SnakeEnum.ToText(r.Source),
            LeadDimension.UtmCampaign => r => r.UtmCampaign,
            LeadDimension.Stage => r => r.StageId.ToString(),
            LeadDimension.Owner => r => r.OwnerId?.ToString(),
            _ => r => scope.Period.LocalDay(r.At).ToString("yyyy-MM"),
        };
        var names = new Dictionary<string, string>();
        if (dimension == LeadDimension.Owner)
        {
            var ids = rows.Where(r => r.OwnerId is not null).Select(r => r.OwnerId!.Value).Distinct().ToList();
            foreach (var u in await scope.Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct)) names[u.Id.ToString()] = u.Name;
        }
        if (dimension == LeadDimension.Stage)
        {
            var ids = rows.Select(r => r.StageId).Distinct().ToList();
            foreach (var s in await scope.Db.Stages.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct)) names[s.Id.ToString()] = s.Name;
        }
        var groups = rows.GroupBy(key).Select(g => (Label: ChatQueries.GroupLabel(dimension, g.Key is null ? null : names.GetValueOrDefault(g.Key, g.Key), language), Key: g.Key, Rows: g.ToList()));
        var ordered = dimension == LeadDimension.Month ? groups.OrderBy(g => g.Key, StringComparer.Ordinal) : groups.OrderByDescending(g => g.Rows.Count).ThenBy(g => g.Label, StringComparer.Ordinal);
        return ordered.Select(g => (g.Label, g.Rows)).ToList();
    }
}
