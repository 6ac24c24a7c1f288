using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Web.Infrastructure;
using SalesCrm.Web.Infrastructure.OpenApi;

namespace SalesCrm.Web.Features.Leads;

public sealed record MoveStageRequest(Guid? StageId, int? Position, int? ExpectedVersion, string? LostReason);
public sealed record AssignRequest(Guid? OwnerId, int? ExpectedVersion);
public sealed record MergeRequest(Guid? TargetId, Guid? SourceId);

/// <summary>The lead API: PostgREST-style lists, CRUD with versions, stage moves, assignment, merge, import and export.</summary>
public static class LeadsEndpoints
{
    public static IEndpointRouteBuilder MapLeadsEndpoints(this IEndpointRouteBuilder app)
    {
        var leads = app.MapGroup("/api/v1/leads").WithTags("Leads").RequireAuthorization(Capabilities.LeadsRead);
        leads.MapGet("/", List).WithSummary("List leads: ?field=op.value (eq, neq, gt, gte, lt, lte, like, ilike, in, is, cs), order, limit, offset, select, q")
            .WithDescription(ListDescription).WithListParameters(LeadQuery.Fields.Names, search: true);
        leads.MapGet("/export", Export).WithSummary("Stream the leads matching the list filters as CSV (?format=csv)").WithListParameters(LeadQuery.Fields.Names, search: true, paged: false);
        leads.MapGet("/{id:guid}", Get);
        leads.MapPost("/", Create).WithIdempotency();
        leads.MapPatch("/{id:guid}", Update);
        leads.MapDelete("/{id:guid}", Delete);
        leads.MapPatch("/{id:guid}/stage", Move);
        leads.MapPost("/{id:guid}/assign", Assign);
        leads.MapPost("/{id:guid}/score", Rescore);
        leads.MapPost("/merge", Merge);
        leads.MapPost("/import", Import).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data");
        // The list page's download link, with the browser's cookie; same service and audit entry as the API.
        app.MapGet("/files/leads-export", Export).ExcludeFromDescription()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        return app;
    }

    private static readonly string ListDescription =
        $"Answers {{ items, total, total_exact, limit, offset }}. `total` is exact when at most offset + {ListTotal.CapAhead} leads match " +
        $"(the count stops there); beyond that it is offset + {ListTotal.CapAhead} and `total_exact` is false. Send `Prefer: count=exact` " +
        "for an exact total however many match (it costs a full count; also given in `Content-Range: 0-49/12345`). " +
        "`q` searches name, company and e-mail (case and accents ignored, any substring) and phone digits (three or more).";

    internal static LeadListRequest ToRequest(ListQuery q) => new(q.Filters, q.Order, q.Q, q.Limit, q.Offset);

    /// <summary>
    /// <c>total</c> is exact up to <see cref="ListTotal.CapAhead"/> matches past the offset (counting never reads further),
    /// beyond that a lower bound with <c>total_exact: false</c>; <c>Prefer: count=exact</c> counts every match.
    /// </summary>
    private static async Task<IResult> List(HttpContext http, LeadQuery query, CancellationToken ct)
    {
        var q = ListQuery.From(http.Request);
        var exact = Rest.PostgrestResponse.CountExact(http.Request);
        var page = await query.ListAsync(ToRequest(q) with { Count = exact ? CountMode.Exact : CountMode.Capped }, ct);
        http.Response.Headers["Content-Range"] = Rest.PostgrestResponse.ContentRange(page, exact);
        return Results.Json(JsonSelect.Page(page, q.Select, http.JsonOptions()), http.JsonOptions());
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, LeadQuery query, CancellationToken ct, string? select = null)
    {
        var lead = await query.GetAsync(id, ct);
        var fields = select?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Results.Json(JsonSelect.Project(lead, fields, http.JsonOptions()), http.JsonOptions());
    }

    /// <summary>201 for a new lead; 200 with the existing lead when the phone or email matched (merged).</summary>
    private static async Task<IResult> Create(CreateLeadRequest body, HttpContext http, LeadService service, CancellationToken ct)
    {
        var result = await service.CreateAsync(body.ToInput(), ct);
        http.Response.Headers["X-Lead-Merged"] = result.Merged ? "true" : "false";
        if (http.Request.WantsMinimal())
        {
            http.Response.Headers.Location = $"/api/v1/leads/{result.Lead.Id}";
            return TypedResults.NoContent();
        }
        return result.Merged ? TypedResults.Ok(result.Lead) : TypedResults.Created($"/api/v1/leads/{result.Lead.Id}", result.Lead);
    }

    private static async Task<IResult> Update(Guid id, LeadPatch body, HttpContext http, LeadService service, CancellationToken ct) =>
        Written(http, await service.UpdateAsync(id, body, ct));

    private static async Task<IResult> Delete(Guid id, LeadService service, CancellationToken ct)
    {
        await service.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Move(Guid id, MoveStageRequest body, HttpContext http, LeadService service, CancellationToken ct)
    {
        if (body.StageId is null) throw new ValidationException("stage_id", "is required.");
        return Written(http, await service.MoveAsync(id, new MoveRequest(body.StageId.Value, body.Position, body.ExpectedVersion, body.LostReason), ct));
    }

    private static async Task<IResult> Assign(Guid id, AssignRequest body, HttpContext http, LeadService service, CancellationToken ct) =>
        Written(http, await service.AssignAsync(id, body.OwnerId, body.ExpectedVersion, ct));

    private static async Task<IResult> Rescore(Guid id, HttpContext http, LeadService service, CancellationToken ct) =>
        Written(http, await service.RescoreAsync(id, ct));

    private static async Task<IResult> Merge(MergeRequest body, HttpContext http, LeadService service, CancellationToken ct)
    {
        new Validator().When(body.TargetId is null, "target_id", "is required.").When(body.SourceId is null, "source_id", "is required.").ThrowIfInvalid();
        return Written(http, await service.MergeAsync(body.TargetId!.Value, body.SourceId!.Value, ct));
    }

    /// <summary>Multipart: <c>file</c> (CSV) and optional <c>mapping</c> (JSON object: CSV column title → field, <c>""</c> or null to leave it out).</summary>
    private static async Task<IResult> Import(HttpRequest request, LeadImportService service, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw new ValidationException("file", "send multipart/form-data with a CSV 'file'.");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw new ValidationException("file", "is required.");
        if (file.Length > 20 * 1024 * 1024) throw new ValidationException("file", "must be at most 20 MB.");
        Dictionary<string, string?>? mapping = null;
        if (form.TryGetValue("mapping", out var mappingText) && !string.IsNullOrWhiteSpace(mappingText))
        {
            try { mapping = JsonSerializer.Deserialize<Dictionary<string, string?>>(mappingText.ToString()); }
            catch (JsonException) { throw new ValidationException("mapping", "must be a JSON object of CSV column → field."); }
        }
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await service.ImportAsync(stream, mapping, ct));
    }

    /// <summary>
    /// <c>?format=csv</c> and optionally <c>delimiter=semicolon|comma</c> (default: the workspace culture's, <c>;</c> for
    /// pt-BR as Excel there expects); the other parameters are the list's (filters, order, q, select, limit, offset), checked
    /// as the list checks them before anything is written. Without <c>limit</c> every matching lead is exported; with it,
    /// at most <see cref="LeadExportService.MaxLimit"/>.
    /// </summary>
    private static async Task Export(HttpContext http, LeadExportService service, CancellationToken ct, string? format = "csv", string? delimiter = null)
    {
        if (!string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)) throw new ValidationException("format", "only csv is supported.");
        char? separator = delimiter?.ToLowerInvariant() switch
        {
            null or "" => null,
            "semicolon" or ";" => ';',
            "comma" or "," => ',',
            _ => throw new ValidationException("delimiter", "must be 'semicolon' or 'comma'."),
        };
        var q = ListQuery.From(http.Request, ["delimiter"]);
        var export = new LeadExportRequest(ToRequest(q), q.Select, http.Request.Query.ContainsKey("limit") ? q.Limit : null, separator);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"leads-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv\"";
        await service.WriteCsvAsync(export, http.Response.Body, ct);
    }

    private static IResult Written(HttpContext http, LeadDto lead) => http.Request.WantsMinimal() ? TypedResults.NoContent() : TypedResults.Ok(lead);
}
