using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Assistant;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Assistant;

/// <summary><c>POST /api/v1/chat</c>: a question about the pipeline answered from the analytics queries (<see cref="PipelineChat"/>). Needs <c>reports.view</c>.</summary>
public static class AssistantEndpoints
{
    public static IServiceCollection AddAssistant(this IServiceCollection services)
    {
        services.AddScoped<ChatQueries>();
        services.AddScoped<PipelineChat>();
        services.AddScoped<IPipelineChat>(sp => sp.GetRequiredService<PipelineChat>());
        return services;
    }

    public static IEndpointRouteBuilder MapAssistantEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/chat").WithTags("Assistant").RequireAuthorization(Capabilities.ReportsView)
            .MapPost("", Ask)
            .WithSummary("Answers a question about the pipeline (pt-BR or en) with the figures, leads and query behind it; unrecognised questions get examples, never a number");
        return app;
    }

    private static async Task<Ok<ChatAnswer>> Ask(ChatRequest body, PipelineChat chat, CancellationToken ct) => TypedResults.Ok(await chat.AskAsync(body.Message, ct));
}
