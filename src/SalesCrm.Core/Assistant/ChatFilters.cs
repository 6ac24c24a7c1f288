using System.Globalization;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Assistant;

/// <summary>
/// A question's filters in the lead list's grammar (<c>source=eq.instagram</c>, <c>value=gt.10000</c>,
/// <c>stage_entered_at=lt.…</c>, <c>stage_id=in.(…)</c>, <c>owner_id=eq.…</c>): what custom reports take, what the drill-down
/// URLs carry, and what <see cref="Apply"/> adds to a lead query.
/// </summary>
public static class ChatFilters
{
    /// <summary>The filters of <paramref name="q"/>; <paramref name="now"/> (UTC) dates the stall, <paramref name="stageIds"/> and <paramref name="ownerId"/> are the names resolved.</summary>
    public static Dictionary<string, string> Of(ChatQuestion q, DateTime now, IReadOnlyList<Guid>? stageIds, Guid? ownerId)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (q.Source is { } source) filters["source"] = $"eq.{SnakeEnum.ToText(source)}";
        string Amount(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        if (q.MinValue is { } min && q.MaxValue is { } max) filters["and"] = $"(value.gt.{Amount(min)},value.lt.{Amount(max)})";
        else if (q.MinValue is { } only) filters["value"] = $"gt.{Amount(only)}";
        else if (q.MaxValue is { } upTo) filters["value"] = $"lt.{Amount(upTo)}";
        if (q.StalledDays is { } days)
        {
            filters["stage_entered_at"] = $"lt.{AnalyticsScope.Iso(now.AddDays(-days))}";
            filters["status"] = "eq.open";
        }
        if (stageIds is { Count: > 0 }) filters["stage_id"] = $"in.({string.Join(",", stageIds)})";
        if (ownerId is { } owner) filters["owner_id"] = $"eq.{owner}";
        return filters;
    }

    /// <summary><paramref name="leads"/> narrowed by <paramref name="filters"/> (see <see cref="LeadQuery.Fields"/>).</summary>
    public static IQueryable<Lead> Apply(IQueryable<Lead> leads, IReadOnlyDictionary<string, string> filters)
    {
        foreach (var (field, expression) in filters) leads = LeadQuery.Fields.Where(leads, FilterGrammar.Parse(field, expression));
        return leads;
    }

    /// <summary>The filters as URL parameters for <see cref="AnalyticsScope.LeadsUrl"/>.</summary>
    public static (string, string)[] Url(IReadOnlyDictionary<string, string> filters) => filters.Select(f => (f.Key, f.Value)).ToArray();
}
