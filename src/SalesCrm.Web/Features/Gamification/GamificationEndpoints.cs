using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Gamification;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>
/// <c>/api/v1/gamification</c> (rules, replay, scores, leaderboard, the caller's card, missions), <c>/api/v1/quizzes</c>
/// and <c>/api/v1/checkins</c>. Capabilities are checked by the services (ADR 031).
/// </summary>
public static class GamificationEndpoints
{
    public static IServiceCollection AddGamification(this IServiceCollection services)
    {
        services.AddScoped<IEventSubscriber, GamificationSubscriber>();
        services.AddScoped<PointRuleService>();
        services.AddScoped<ScoreQuery>();
        services.AddScoped<MissionService>();
        services.AddScoped<QuizService>();
        services.AddScoped<CheckInService>();
        return services;
    }

    public static IEndpointRouteBuilder MapGamificationEndpoints(this IEndpointRouteBuilder app)
    {
        var game = app.MapGroup("/api/v1/gamification").WithTags("Gamification").RequireAuthorization();
        game.MapGet("/rules", async (PointRuleService s, CancellationToken ct) => TypedResults.Ok(Paged.All(await s.ListAsync(ct))))
            .WithSummary("The scoring table: points per event type and fast_reply (threshold_minutes)");
        game.MapPut("/rules", async (PointRulesBody body, PointRuleService s, CancellationToken ct) => TypedResults.Ok(Paged.All(await s.PutAsync(body.Items ?? [], ct))))
            .WithSummary("Change rules (pipeline.manage); applies from now on, replay rescores the past");
        game.MapPost("/replay", async (PointRuleService s, CancellationToken ct) => TypedResults.Ok(await s.ReplayAsync(ct)))
            .WithSummary("Recompute every award from the event log with today's rules (pipeline.manage); idempotent");
        game.MapGet("/scores", Scores).WithSummary("Points per member and rule from..to (local days); own-visibility members get their own");
        game.MapGet("/leaderboard", Leaderboard).WithSummary("Members ranked by points in period=day|week|month holding date (default today), workspace time zone");
        game.MapGet("/me", async (ScoreQuery s, CancellationToken ct) => TypedResults.Ok(await s.CardAsync(ct)))
            .WithSummary("The caller's points this week, rank and mission progress");
        game.MapGet("/missions", async (MissionService s, CancellationToken ct) => TypedResults.Ok(Paged.All(await s.ListAsync(ct))));
        game.MapPost("/missions", CreateMission).WithSummary("Create a mission: rule_key × target × period (pipeline.manage)");
        game.MapGet("/missions/{id:guid}/progress", async (Guid id, ScoreQuery s, CancellationToken ct) => TypedResults.Ok(Paged.All(await s.MissionProgressAsync(id, ct))))
            .WithSummary("Each member's progress on the mission in its current period; own-visibility members get their own");
        game.MapPatch("/missions/{id:guid}", async (Guid id, MissionInput body, MissionService s, CancellationToken ct) => TypedResults.Ok(await s.UpdateAsync(id, body, ct)));

        var quizzes = app.MapGroup("/api/v1/quizzes").WithTags("Gamification").RequireAuthorization();
        quizzes.MapGet("/", async (QuizService s, CancellationToken ct) => TypedResults.Ok(Paged.All(await s.ListAsync(ct))));
        quizzes.MapPost("/", CreateQuiz).WithSummary("A quiz on a published knowledge document; without questions they are generated from its text (knowledge.manage)");
        quizzes.MapPost("/{id:guid}/answers", async (Guid id, QuizAnswersBody body, QuizService s, CancellationToken ct) => TypedResults.Ok(await s.AnswerAsync(id, body.Answers, ct)))
            .WithSummary("Answer a quiz once: records quiz.completed; passed (70 %) earns points");

        var checkins = app.MapGroup("/api/v1/checkins").WithTags("Gamification").RequireAuthorization();
        checkins.MapPost("/", CreateCheckIn).WithSummary("Geo-tagged check-in at a lead: lat, long, accuracy_m, note, photo (data URL)");
        checkins.MapGet("/{id:guid}/photo", CheckInPhoto).WithSummary("The photo of a check-in on a lead the caller can see; 404 without one");
        checkins.MapGet("/", ListCheckIns).WithSummary("Check-ins on the leads the caller can see: lead_id, user_id, from, to (local days)");
        return app;
    }

    private static async Task<Ok<ScoresReport>> Scores(ScoreQuery s, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, [FromQuery(Name = "user_id")] Guid? userId = null) =>
        TypedResults.Ok(await s.ScoresAsync(from, to, userId, ct));

    private static async Task<Ok<Leaderboard>> Leaderboard(ScoreQuery s, CancellationToken ct, string? period = null, DateOnly? date = null) =>
        TypedResults.Ok(await s.LeaderboardAsync(period, date, ct));

    private static async Task<Created<MissionDto>> CreateMission(MissionInput body, MissionService s, CancellationToken ct)
    {
        var created = await s.CreateAsync(body, ct);
        return TypedResults.Created($"/api/v1/gamification/missions/{created.Id}", created);
    }

    private static async Task<Created<QuizDto>> CreateQuiz(QuizInput body, QuizService s, CancellationToken ct)
    {
        var created = await s.CreateAsync(body, ct);
        return TypedResults.Created($"/api/v1/quizzes/{created.Id}", created);
    }

    private static async Task<Created<CheckInDto>> CreateCheckIn(CheckInBody body, CheckInService s, CancellationToken ct)
    {
        var (photo, type) = PhotoDataUrl.Read(body.Photo);
        var created = await s.CreateAsync(new CheckInInput(body.LeadId, body.Lat, body.Long, body.AccuracyM, body.Note, photo, type), ct);
        return TypedResults.Created($"/api/v1/checkins?lead_id={created.LeadId}", created);
    }

    private static async Task<FileStreamHttpResult> CheckInPhoto(Guid id, CheckInService s, CancellationToken ct)
    {
        var (content, type) = await s.PhotoAsync(id, ct);
        return TypedResults.Stream(content, type);
    }

    private static async Task<Ok<Paged<CheckInDto>>> ListCheckIns(CheckInService s, CancellationToken ct, [FromQuery(Name = "lead_id")] Guid? leadId = null,
        [FromQuery(Name = "user_id")] Guid? userId = null, DateOnly? from = null, DateOnly? to = null, int limit = 50, int offset = 0) =>
        TypedResults.Ok(await s.ListAsync(new CheckInFilter(leadId, userId, from, to, limit, offset), ct));
}
