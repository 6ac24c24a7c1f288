using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Web.Features.Analytics;

/// <summary>
/// <c>/api/v1/analytics</c>: the six dashboards' figures, custom reports (JSON, CSV, XLSX), the leads behind a figure and
/// campaign spend. Every endpoint needs <c>reports.view</c>; the services check it again and apply the caller's visibility.
/// </summary>
public static class AnalyticsEndpoints
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddScoped<AnalyticsScopes>();
        services.AddScoped<PipelineAnalytics>();
        services.AddScoped<LeadAnalytics>();
        services.AddScoped<CommunicationAnalytics>();
        services.AddScoped<TeamAnalytics>();
        services.AddScoped<MarketingAnalytics>();
        services.AddScoped<ForecastAnalytics>();
        services.AddScoped<CustomReports>();
        services.AddScoped<DrillDown>();
        services.AddScoped<MarketingSpendService>();
        return services;
    }

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analytics").WithTags("Analytics").RequireAuthorization(Capabilities.ReportsView);
        group.MapGet("/pipeline", async ([AsParameters] AnalyticsQuery q, PipelineAnalytics s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(q.ToRequest(), ct)))
            .WithSummary("Stages now (count, value, weighted), time in stage, conversion, won and lost in the period; group_by=day|week|month for by_period");
        group.MapGet("/leads", async ([AsParameters] AnalyticsQuery q, LeadAnalytics s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(q.ToRequest(), ct)))
            .WithSummary("New leads by group_by=source|utm_source|utm_medium|utm_campaign|owner|pipeline|stage|status|priority|day|week|month; speed-to-lead; not contacted");
        group.MapGet("/communication", async ([AsParameters] AnalyticsQuery q, CommunicationAnalytics s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(q.ToRequest(), ct)))
            .WithSummary("WhatsApp in/out, response times by rep, templates, busiest hours");
        group.MapGet("/team", async ([AsParameters] AnalyticsQuery q, TeamAnalytics s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(q.ToRequest(), ct)))
            .WithSummary("Per member, ranked by value won: leads, won, win rate, activities, response time");
        group.MapGet("/marketing", async ([AsParameters] AnalyticsQuery q, MarketingAnalytics s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(q.ToRequest(), ct)))
            .WithSummary("Leads, won and revenue by group_by=utm_campaign|utm_source|utm_medium|source; spend, cost per lead, CAC, ROI");
        group.MapGet("/forecast", Forecast).WithSummary("Weighted, best case and commit by expected close month vs won; overdue; by owner and pipeline");
        group.MapGet("/drilldown", Drill).WithSummary($"The leads behind a figure: figure={string.Join("|", DrillDown.Figures)}");
        group.MapPost("/reports", Report).WithSummary("Custom report: metrics × dimensions × filters as JSON, CSV or XLSX (format)")
            .Produces<CustomReport>().Produces(200, contentType: ReportExport.CsvType).Produces(200, contentType: ReportExport.XlsxType);
        group.MapGet("/spend", async (MarketingSpendService s, CancellationToken ct, DateOnly? from = null, DateOnly? to = null) => TypedResults.Ok(Paged.All(await s.ListAsync(from, to, ct))));
        group.MapPut("/spend", async (SpendBody body, MarketingSpendService s, CancellationToken ct) => TypedResults.Ok(Paged.All(await s.PutAsync(body.Items ?? [], ct))));
        group.MapPost("/spend/import", ImportSpend).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithSummary("CSV: campaign;month;amount[;currency]");
        group.MapDelete("/spend/{id:guid}", async (Guid id, MarketingSpendService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        return app;
    }

    private static async Task<Ok<ForecastReport>> Forecast([AsParameters] AnalyticsQuery q, ForecastAnalytics s, CancellationToken ct,
        [FromQuery(Name = "commit_probability")] int? commitProbability = null) =>
        TypedResults.Ok(await s.GetAsync(q.ToRequest(), commitProbability, ct));

    private static async Task<Ok<Paged<LeadDto>>> Drill([AsParameters] AnalyticsQuery q, DrillDown s, CancellationToken ct, string? figure = null,
        [FromQuery(Name = "stage_id")] Guid? stageId = null, string? reason = null, string? bucket = null, [FromQuery(Name = "responder_id")] Guid? responderId = null,
        int limit = 50, int offset = 0, [FromQuery(Name = "template_id")] Guid? templateId = null, string? status = null, string? direction = null,
        int? weekday = null, int? hour = null, [FromQuery(Name = "closer_id")] Guid? closerId = null) =>
        TypedResults.Ok(await s.LeadsAsync(figure, q.ToRequest(), stageId, reason, new PageRequest(limit, offset), ct, bucket, responderId,
            new MessageDrill(templateId, status, direction, weekday, hour), closerId));

    private static async Task<IResult> Report(CustomReportBody body, CustomReports reports, CancellationToken ct)
    {
        var format = (body.Format ?? "json").ToLowerInvariant();
        if (format == "json") return TypedResults.Ok(await reports.RunAsync(body.ToRequest(), ct));
        var file = await reports.ExportAsync(body.ToRequest(), format, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<Paged<SpendDto>>> ImportSpend(HttpRequest request, MarketingSpendService service, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw new ValidationException("file", "send multipart/form-data with a CSV 'file'.");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw new ValidationException("file", "is required.");
        if (file.Length > 5 * 1024 * 1024) throw new ValidationException("file", "must be at most 5 MB.");
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(Paged.All(await service.ImportCsvAsync(stream, ct)));
    }
}
