using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Analytics;

/// <summary>Custom reports: any <see cref="LeadMetric"/>s by one or two <see cref="LeadDimension"/>s over filtered leads (<see cref="LeadCube"/>). Needs <c>reports.view</c>.</summary>
public sealed class CustomReports(AnalyticsScopes scopes)
{
    /// <summary>
    /// The report as a table, with one drill-down URL per row (<see cref="CustomReport.Leads"/>). A 400 names the bad part:
    /// <c>metrics[i]</c>, <c>dimensions[i]</c> (one or two, no repeats), <c>filters.&lt;field&gt;</c> (the lead list's field and
    /// grammar); other errors as <see cref="AnalyticsScopes.OpenAsync"/>.
    /// </summary>
    public async Task<CustomReport> RunAsync(CustomReportRequest request, CancellationToken ct = default) => (await BuildAsync(request, ct)).Report;

    /// <summary>
    /// The report as a file: <c>csv</c> (in the workspace's culture, see <see cref="ReportExport"/>) or <c>xlsx</c>; a 400 on
    /// <c>format</c> for anything else. Errors as <see cref="RunAsync"/>.
    /// </summary>
    public async Task<ReportFile> ExportAsync(CustomReportRequest request, string format, CancellationToken ct = default)
    {
        if (format is not ("csv" or "xlsx")) throw new ValidationException("format", "must be json, csv or xlsx.");
        var (report, culture) = await BuildAsync(request, ct);
        var name = $"report-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.{format}";
        return format == "csv" ? new ReportFile(ReportExport.Csv(report, culture), ReportExport.CsvType, name) : new ReportFile(ReportExport.Xlsx(report), ReportExport.XlsxType, name);
    }

    private async Task<(CustomReport Report, string Culture)> BuildAsync(CustomReportRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var metrics = (request.Metrics is { Count: > 0 } m ? m : ["leads"]).Select((text, i) =>
        {
            if (SnakeEnum.TryParse<LeadMetric>(text, out var metric)) return metric;
            v.Add($"metrics[{i}]", $"'{text}' is not one of {string.Join(", ", SnakeEnum.Names<LeadMetric>())}.");
            return default;
        }).ToList();
        var dimensions = (request.Dimensions ?? []).Select((text, i) =>
        {
            try { return LeadAnalytics.Dimension(text, default, $"dimensions[{i}]"); }
            catch (ValidationException e) { foreach (var (k, msgs) in e.Errors) foreach (var msg in msgs) v.Add(k, msg); return default; }
        }).ToList();
        v.When(dimensions.Count is 0 or > 2, "dimensions", "name one or two dimensions.");
        v.When(dimensions.Distinct().Count() < dimensions.Count, "dimensions", "must not repeat a dimension.");
        v.When(metrics.Count > 8, "metrics", "name at most 8 metrics.");
        var filters = new List<FilterNode>();
        foreach (var (field, expression) in request.Filters ?? new Dictionary<string, string>())
        {
            try
            {
                var node = FilterGrammar.Parse(field, expression);
                LeadQuery.Fields.Where(Enumerable.Empty<Leads.Lead>().AsQueryable(), node); // checks the field and value now, as a 400
                filters.Add(node);
            }
            catch (ValidationException e) { foreach (var (_, msgs) in e.Errors) foreach (var msg in msgs) v.Add($"filters.{field}", msg); }
        }
        v.ThrowIfInvalid();
        await using var scope = await scopes.OpenAsync(request.Scope, ct);
        var cells = await LeadCube.GroupAsync(scope, dimensions, filters, ct);
        var columns = new List<string>();
        foreach (var d in dimensions)
        {
            columns.Add(SnakeEnum.ToText(d));
            if (d is LeadDimension.Owner or LeadDimension.Stage or LeadDimension.Pipeline) columns.Add(SnakeEnum.ToText(d) + "_label");
        }
        columns.AddRange(metrics.Select(SnakeEnum.ToText));
        var rows = cells.Select(c =>
        {
            var row = new List<object?>();
            for (var i = 0; i < dimensions.Count; i++)
            {
                row.Add(c.Keys[i]);
                if (dimensions[i] is LeadDimension.Owner or LeadDimension.Stage or LeadDimension.Pipeline) row.Add(c.Labels[i]);
            }
            row.AddRange(metrics.Select(c.Metric));
            return (IReadOnlyList<object?>)row;
        }).ToList();
        var cohort = scope.Leads.Where(l => l.CreatedAt >= scope.Period.StartUtc && l.CreatedAt < scope.Period.EndUtc);
        return (new CustomReport(scope.Currency, scope.Period.From, scope.Period.To, columns, rows, cells.Select(c => c.LeadsUrl).ToList(),
            await scope.OtherCurrenciesAsync(cohort, ct)), scope.Culture);
    }
}
