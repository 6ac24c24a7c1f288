using Microsoft.AspNetCore.Cors.Infrastructure;

namespace SalesCrm.Web.Infrastructure;

/// <summary>
/// Cross-origin access to the token-authenticated APIs (<c>/api/v1</c>, <c>/rest/v1</c>), so a browser app (e.g.
/// <c>@supabase/postgrest-js</c> in a dashboard) can call them as it calls PostgREST: the preflight <c>OPTIONS</c> is
/// answered 204 with the allowed methods and headers, and <c>Content-Range</c> is exposed to scripts.
/// </summary>
/// <remarks>
/// Origins come from <c>Cors:Origins</c> (default <c>*</c>, as PostgREST). Credentials are never allowed: a cross-origin
/// call authenticates with <c>Authorization: Bearer</c> or <c>apikey</c>/<c>X-Api-Key</c>, never with the app's cookie,
/// so another site cannot act as a signed-in user. Pages, hubs and webhooks get no CORS headers.
/// </remarks>
public static class ApiCors
{
    public const string Policy = "Api";

    private static readonly string[] ExposedHeaders = ["Content-Range", "Location", "Retry-After", "X-Correlation-ID", "Idempotent-Replayed", "X-Lead-Merged", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];

    public static IServiceCollection AddApiCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:Origins").Get<string[]>() is { Length: > 0 } configured ? configured : ["*"];
        return services.AddCors(o => o.AddPolicy(Policy, policy =>
        {
            if (origins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins(origins);
            policy.AllowAnyHeader().WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE").WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
    }

    /// <summary>Applies <see cref="Policy"/> to API paths only; runs before authentication so a preflight needs no credentials.</summary>
    public static IApplicationBuilder UseApiCors(this IApplicationBuilder app) =>
        app.UseWhen(http => IsApi(http.Request.Path), branch => branch.UseCors(Policy));

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api/v1") || path.StartsWithSegments("/rest/v1");
}
