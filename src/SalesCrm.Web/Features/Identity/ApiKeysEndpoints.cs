using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Identity;

public sealed record CreateApiKeyRequest(string? Name, List<string>? Scopes, DateTime? ExpiresAt);

public static class ApiKeysEndpoints
{
    public static IEndpointRouteBuilder MapApiKeysEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(Capabilities.SettingsManage);
        keys.MapGet("/", List);
        keys.MapPost("/", Create);
        keys.MapDelete("/{id:guid}", Revoke);
        return app;
    }

    private static async Task<Ok<Paged<ApiKeyDto>>> List(ApiKeyService keys, CancellationToken ct)
    {
        var items = await keys.ListAsync(ct);
        return TypedResults.Ok(Paged.All(items));
    }

    private static async Task<Created<CreatedApiKey>> Create(CreateApiKeyRequest body, ApiKeyService keys, CancellationToken ct)
    {
        var key = await keys.CreateAsync(body.Name, body.Scopes, body.ExpiresAt, ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", key);
    }

    private static async Task<NoContent> Revoke(Guid id, ApiKeyService keys, CancellationToken ct)
    {
        await keys.RevokeAsync(id, ct);
        return TypedResults.NoContent();
    }
}
