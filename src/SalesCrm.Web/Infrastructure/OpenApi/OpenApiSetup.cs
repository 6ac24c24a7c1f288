using Scalar.AspNetCore;

namespace SalesCrm.Web.Infrastructure.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and its reference page (<c>/docs</c>), which works offline.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddCrmOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SalesCrm API";
            document.Info.Description = "JSON in snake_case under `/api/v1`; errors are RFC 9457 problem details with a stable `code`. "
                + "Authenticate with a bearer token (`POST /api/v1/auth/token`) or a workspace API key (`X-Api-Key`). "
                + "Lists share one filter grammar (PostgREST's): see the `filters` parameter of any list.";
            return Task.CompletedTask;
        });
        o.AddDocumentTransformer<SecuritySchemesTransformer>();
        o.AddOperationTransformer<SecuritySchemesTransformer>();
        o.AddOperationTransformer<ListParametersTransformer>();
    });

    /// <summary>
    /// Scalar's page and script come from the Scalar.AspNetCore package (served by the app, nothing from a CDN); its
    /// web fonts, AI agent, MCP and "deploy / generate SDK" toolbar would reach scalar.com, so they are off and the page
    /// uses the system fonts.
    /// </summary>
    public static WebApplication MapCrmOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o
                .WithTitle("SalesCrm API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .HideDeveloperTools()
                .DisableAgent()
                .DisableMcp()
                .WithFavicon("/favicon.ico")
                .AddPreferredSecuritySchemes(SecuritySchemesTransformer.Bearer))
            .AllowAnonymous();
        return app;
    }
}
