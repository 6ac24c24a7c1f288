using Microsoft.AspNetCore.WebUtilities;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Leads;

namespace SalesCrm.Web.Features.Reports;

/// <summary>
/// The leads behind a figure, for the dashboards' drill-down: every figure carries a URL (<c>/api/v1/leads?…</c> with lead-list
/// filters, or <c>/api/v1/analytics/drilldown?…</c>), and this reads it through the same services those endpoints call, so the
/// page lists exactly what the API would, in the caller's visibility scope.
/// </summary>
public sealed class ReportLeads(LeadQuery leads, DrillDown drill)
{
    public const int PageSize = 50;

    /// <summary>The first <see cref="PageSize"/> leads of <paramref name="url"/> (newest first) and their total. A URL of neither shape is a <see cref="ValidationException"/> on <c>url</c>.</summary>
    public async Task<Paged<LeadDto>> ListAsync(string url, CancellationToken ct = default)
    {
        var (path, query) = Split(url);
        if (path == "/api/v1/leads")
        {
            var filters = query.SelectMany(kv => kv.Value.Select(v => FilterGrammar.Parse(kv.Key, v ?? ""))).ToList();
            return await leads.ListAsync(new LeadListRequest(filters, [new SortKey("created_at", true)], Limit: PageSize), ct);
        }
        if (path != "/api/v1/analytics/drilldown") throw new ValidationException("url", "is not a drill-down of a report.");
        string? One(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        DateOnly? Day(string name) => DateOnly.TryParse(One(name), System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        Guid? Id(string name) => Guid.TryParse(One(name), out var g) ? g : null;
        var request = new AnalyticsRequest(Day("from"), Day("to"), Id("pipeline_id"), Id("owner_id"));
        int? Number(string name) => int.TryParse(One(name), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        return await drill.LeadsAsync(One("figure"), request, Id("stage_id"), One("reason"), new PageRequest(PageSize), ct, One("bucket"), Id("responder_id"),
            new MessageDrill(Id("template_id"), One("status"), One("direction"), Number("weekday"), Number("hour")));
    }

    private static (string Path, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Query) Split(string url)
    {
        var mark = url.IndexOf('?');
        return mark < 0 ? (url, []) : (url[..mark], QueryHelpers.ParseQuery(url[mark..]));
    }
}
