using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Copilot;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Copilot;

/// <summary>Inbound message triage: the service the WhatsApp inbound path calls, its startup backfill, and <c>POST /api/v1/copilot/analyze</c>.</summary>
public static class CopilotTriageEndpoints
{
    public static IServiceCollection AddCopilotTriage(this IServiceCollection services)
    {
        services.AddOptions<TriageOptions>().BindConfiguration("Copilot:Triage").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<MessageTriageService>();
        services.AddScoped<MessageTriageBackfill>();
        services.AddHostedService<MessageTriageBackfillService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCopilotTriageEndpoints(this IEndpointRouteBuilder app)
    {
        var copilot = app.MapGroup("/api/v1/copilot").WithTags("Copilot").RequireAuthorization(Capabilities.CopilotUse);
        copilot.MapPost("/analyze", Analyze);
        return app;
    }

    /// <summary>Sentiment, urgency and intent of <c>text</c>, and who decided them (<c>lexicon</c> or <c>llm</c>).</summary>
    private static async Task<Ok<MessageTriage>> Analyze(AnalyzeRequest body, MessageTriageService triage, CancellationToken ct) =>
        TypedResults.Ok(await triage.AnalyzeAsync(body.Text, ct));
}
