using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>The knowledge base API: documents (JSON or file upload), their versions and chunks, and hybrid search.</summary>
public static class KnowledgeEndpoints
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeChunkerOptions>().BindConfiguration("Knowledge:Chunking").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KnowledgeFileOptions>().BindConfiguration("Knowledge").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KnowledgeSearchOptions>().BindConfiguration("Knowledge:Search").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<KnowledgeDocumentService>();
        services.AddScoped<KnowledgeChunkService>();
        services.AddScoped<KnowledgeSearchService>();
        services.AddScoped<IKnowledgeSearch>(sp => sp.GetRequiredService<KnowledgeSearchService>());
        services.AddScoped<KnowledgeReanalysis>();
        services.AddHostedService<KnowledgeReanalysisWorker>();
        services.AddKnowledgeEmbeddings();
        return services;
    }

    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        var kb = app.MapGroup("/api/v1/knowledge").WithTags("Knowledge").RequireAuthorization();
        kb.MapGet("/documents", ListDocuments);
        kb.MapPost("/documents", CreateDocument).DisableAntiforgery()
            .Accepts<KnowledgeDocumentRequest>("application/json", "multipart/form-data")
            .WithDescription("JSON { title, type, language, content, tags?, metadata?, status? }, or multipart with `file` (.txt, .md, .pdf, .docx) and the same fields (tags comma-separated, metadata as JSON).");
        kb.MapGet("/documents/{id:guid}", async (Guid id, KnowledgeDocumentService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(id, ct)));
        kb.MapPatch("/documents/{id:guid}", async (Guid id, HttpRequest request, KnowledgeDocumentService service, CancellationToken ct) =>
                TypedResults.Ok(await service.UpdateAsync(id, (await JsonBody.ReadAsync<KnowledgeDocumentRequest>(request, ct)).ToInput(), ct)))
            .Accepts<KnowledgeDocumentRequest>("application/json")
            .WithDescription("Every field optional; a change of title or content makes a new version. A body that changes nothing changes nothing (no version, same updated_at).");
        kb.MapDelete("/documents/{id:guid}", async (Guid id, KnowledgeDocumentService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        kb.MapGet("/documents/{id:guid}/versions", async (Guid id, KnowledgeDocumentService service, CancellationToken ct) =>
            TypedResults.Ok(Paged.All(await service.VersionsAsync(id, ct))));

        kb.MapGet("/chunks", ListChunks).WithDescription(
            "Filters: document_id=eq.<id>, enabled=eq.true|false, embedding=is.null|not.is.null (without/with a current vector of the configured model); limit, offset.");
        kb.MapGet("/chunks/{id:guid}", async (Guid id, KnowledgeChunkService service, CancellationToken ct) => TypedResults.Ok(await service.GetAsync(id, ct)));
        kb.MapPost("/chunks", async (HttpRequest request, KnowledgeChunkService service, CancellationToken ct) =>
        {
            var chunk = await service.CreateAsync((await JsonBody.ReadAsync<KnowledgeChunkRequest>(request, ct)).ToInput(), ct);
            return TypedResults.Created($"/api/v1/knowledge/chunks/{chunk.Id}", chunk);
        }).Accepts<KnowledgeChunkRequest>("application/json");
        kb.MapPatch("/chunks/{id:guid}", async (Guid id, HttpRequest request, KnowledgeChunkService service, CancellationToken ct) =>
                TypedResults.Ok(await service.UpdateAsync(id, (await JsonBody.ReadAsync<KnowledgeChunkRequest>(request, ct)).ToInput(), ct)))
            .Accepts<KnowledgeChunkRequest>("application/json");
        kb.MapDelete("/chunks/{id:guid}", async (Guid id, KnowledgeChunkService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });

        kb.MapGet("/embeddings", async (KnowledgeEmbeddingService service, CancellationToken ct) => TypedResults.Ok(await service.ProgressAsync(ct)))
            .WithDescription("Embedding progress of the workspace's searchable chunks for the configured model: { model, dimensions, total, embedded, pending, running, provider, last_error, retry_at }.");
        kb.MapPost("/embeddings/generate", GenerateEmbeddings)
            .WithDescription("Starts embedding the pending chunks now (with { \"regenerate\": true } every chunk again) and answers 202 with the progress; 409 EMBEDDINGS_NOT_CONFIGURED without a provider.");

        kb.MapPost("/search", async (HttpRequest request, IKnowledgeSearch search, CancellationToken ct) =>
                TypedResults.Ok(new KnowledgeSearchResponse((await search.SearchAsync((await JsonBody.ReadAsync<KnowledgeSearchBody>(request, ct)).ToRequest(), ct)).Select(KnowledgeSearchItem.From).ToList())))
            .Accepts<KnowledgeSearchBody>("application/json");
        return app;
    }

    private static async Task<Accepted<KnowledgeEmbeddingProgress>> GenerateEmbeddings(
        [Microsoft.AspNetCore.Mvc.FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] KnowledgeGenerateBody? body,
        KnowledgeEmbeddingService service, CancellationToken ct) =>
        TypedResults.Accepted("/api/v1/knowledge/embeddings", await service.GenerateAsync(body?.Regenerate == true, ct));

    private static async Task<Ok<Paged<KnowledgeDocumentDto>>> ListDocuments(KnowledgeDocumentService service, CancellationToken ct,
        string? status = null, string? type = null, string? q = null, int limit = 50, int offset = 0) =>
        TypedResults.Ok(await service.ListAsync(new PageRequest(limit, offset), EnumFilter<KnowledgeDocumentStatus>("status", status),
            EnumFilter<KnowledgeDocumentType>("type", type), q, ct));

    /// <summary>JSON body, or multipart with <c>file</c> plus the same fields as form values.</summary>
    private static async Task<Created<KnowledgeCreatedResponse>> CreateDocument(HttpRequest request, KnowledgeDocumentService service, CancellationToken ct)
    {
        KnowledgeDocumentDto created;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var input = FormInput(form, request.HttpContext.JsonOptions());
            if (form.Files.GetFile("file") is { } file)
            {
                await using var stream = file.OpenReadStream();
                input = await service.WithFileAsync(input, stream, file.FileName, file.Length, ct);
            }
            created = await service.CreateAsync(input, ct);
        }
        else if (request.HasJsonContentType())
        {
            created = await service.CreateAsync((await JsonBody.ReadAsync<KnowledgeDocumentRequest>(request, ct)).ToInput(), ct);
        }
        else
        {
            throw new BadHttpRequestException("Send application/json, or multipart/form-data with a 'file'.", StatusCodes.Status415UnsupportedMediaType);
        }
        return TypedResults.Created($"/api/v1/knowledge/documents/{created.Id}", KnowledgeCreatedResponse.From(created));
    }

    private static KnowledgeDocumentInput FormInput(IFormCollection form, JsonSerializerOptions json)
    {
        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        KnowledgeMetadata? metadata = null;
        if (Field("metadata") is { } text)
        {
            try { metadata = JsonSerializer.Deserialize<KnowledgeMetadata>(text, json); }
            catch (JsonException) { throw new ValidationException("metadata", "must be a JSON object { pipeline_stage, product, vertical }."); }
        }
        var tags = form.TryGetValue("tags", out var t) ? t.SelectMany(v => (v ?? "").Split(',')).Select(s => s.Trim()).Where(s => s.Length > 0).ToList() : null;
        return new KnowledgeDocumentInput(Field("title"), EnumFilter<KnowledgeDocumentType>("type", Field("type")), Field("language"), Field("content"), tags, metadata,
            EnumFilter<KnowledgeDocumentStatus>("status", Field("status")));
    }

    private static async Task<Ok<Paged<KnowledgeChunkDto>>> ListChunks(HttpRequest request, KnowledgeChunkService service, CancellationToken ct, int limit = 50, int offset = 0)
    {
        var query = request.Query;
        Guid? documentId = null;
        if (query.TryGetValue("document_id", out var d))
        {
            var text = d.ToString();
            documentId = Guid.TryParse(text.StartsWith("eq.", StringComparison.Ordinal) ? text[3..] : text, out var id)
                ? id : throw new ValidationException("document_id", "must be eq.<document id>.");
        }
        bool? enabled = query.TryGetValue("enabled", out var e) ? e.ToString() switch
        {
            "eq.true" or "is.true" or "true" => true,
            "eq.false" or "is.false" or "false" => false,
            _ => throw new ValidationException("enabled", "must be eq.true or eq.false."),
        } : null;
        bool? hasEmbedding = query.TryGetValue("embedding", out var m) ? m.ToString() switch
        {
            "is.null" => false,
            "not.is.null" => true,
            _ => throw new ValidationException("embedding", "must be is.null or not.is.null."),
        } : null;
        foreach (var key in query.Keys.Where(k => k is not ("document_id" or "enabled" or "embedding" or "limit" or "offset")))
            throw new ValidationException(key, "is not a filter of this list (document_id, enabled, embedding).");
        return TypedResults.Ok(await service.ListAsync(new KnowledgeChunkQuery(documentId, enabled, hasEmbedding), new PageRequest(limit, offset), ct));
    }

    private static T? EnumFilter<T>(string field, string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.StartsWith("eq.", StringComparison.Ordinal) ? text[3..] : text;
        return SnakeEnum.TryParse<T>(value, out var parsed) ? parsed : throw new ValidationException(field, $"must be one of {string.Join(", ", SnakeEnum.Names<T>())}.");
    }
}
