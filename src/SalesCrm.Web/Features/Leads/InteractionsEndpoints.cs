using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Leads;

/// <summary>A lead's timeline over the API (JSON or multipart with attachments) and attachment downloads.</summary>
public static class InteractionsEndpoints
{
    public static IEndpointRouteBuilder MapInteractionsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/leads/{id:guid}/interactions").WithTags("Interactions").RequireAuthorization(Capabilities.LeadsRead);
        group.MapGet("/", List);
        group.MapPost("/", Create).DisableAntiforgery().Accepts<InteractionInput>("application/json", "multipart/form-data").WithIdempotency();
        app.MapGet("/api/v1/attachments/{id:guid}", Download).WithTags("Interactions").RequireAuthorization(Capabilities.LeadsRead);
        // The browser UI plays and previews attachments with its cookie; same service, same tenant checks.
        app.MapGet("/files/attachments/{id:guid}", Download).ExcludeFromDescription()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        return app;
    }

    private static async Task<IResult> List(Guid id, HttpContext http, InteractionService service, CancellationToken ct, string? type = null, int limit = 50, int offset = 0)
    {
        var types = new List<InteractionType>();
        foreach (var t in (type ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = t.StartsWith("in.(", StringComparison.Ordinal) ? t[4..].TrimEnd(')') : t.StartsWith("eq.", StringComparison.Ordinal) ? t[3..] : t;
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
                types.Add(SnakeEnum.TryParse<InteractionType>(part, out var parsed) ? parsed : throw new ValidationException("type", $"'{part}' is not an interaction type."));
        }
        return TypedResults.Ok(await service.ListAsync(id, types, new PageRequest(limit, offset), ct));
    }

    /// <summary>JSON, or multipart/form-data with the same fields and up to five files; any other content type is 415.</summary>
    private static async Task<IResult> Create(Guid id, HttpRequest request, InteractionService service, CancellationToken ct)
    {
        InteractionInput input;
        var files = new List<UploadedFile>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            input = new InteractionInput(
                SnakeEnum.TryParse<InteractionType>(form["type"], out var t) ? t : null, form["text"],
                int.TryParse(form["duration_seconds"], out var d) ? d : null, form["outcome"],
                DateTime.TryParse(form["occurred_at"], null, System.Globalization.DateTimeStyles.AdjustToUniversal, out var at) ? at : null);
            if (!string.IsNullOrEmpty(form["type"]) && input.Type is null) throw new ValidationException("type", $"'{form["type"]}' is not an interaction type.");
            files.AddRange(form.Files.Select(f => new UploadedFile(f.FileName, f.ContentType, f.Length, f.OpenReadStream)));
        }
        else if (request.HasJsonContentType())
        {
            input = await JsonBody.ReadAsync<InteractionInput>(request, ct);
        }
        else
        {
            throw new BadHttpRequestException("Send application/json, or multipart/form-data with attachments.", StatusCodes.Status415UnsupportedMediaType);
        }
        var created = await service.CreateAsync(id, input, files, ct: ct);
        return request.WantsMinimal() ? TypedResults.NoContent() : TypedResults.Created($"/api/v1/leads/{id}/interactions", created);
    }

    private static async Task<IResult> Download(Guid id, InteractionService service, CancellationToken ct)
    {
        var (content, contentType, fileName) = await service.OpenAttachmentAsync(id, ct);
        return TypedResults.File(content, contentType, fileName, enableRangeProcessing: true);
    }

}
