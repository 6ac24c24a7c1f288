using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Gamification;

/// <summary>
/// Quizzes on the knowledge base: created with <c>knowledge.manage</c> on a published document, taken with
/// <c>copilot.use</c> (who reads the knowledge base). Answering records <c>quiz.completed</c>, once per member and quiz.
/// </summary>
public sealed class QuizService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, ICrmEventBus bus, TimeProvider time)
{
    /// <summary>A passed quiz has at least this share of right answers.</summary>
    public const double PassMark = 0.7;

    /// <summary>Creates a quiz; 400 on <c>document_id</c> (missing, not published or not the workspace's), <c>questions[i].…</c>, or <c>questions</c> when none could be generated.</summary>
    public async Task<QuizDto> CreateAsync(QuizInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.KnowledgeManage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = new Validator().When(input.DocumentId is null, "document_id", "is required.");
        var doc = input.DocumentId is { } id ? await db.KnowledgeDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Status == KnowledgeDocumentStatus.Published, ct) : null;
        v.When(input.DocumentId is not null && doc is null, "document_id", "does not name a published document of this workspace.");
        v.When(input.Title is { Length: > 200 }, "title", "must be at most 200 characters.");
        var questions = input.Questions ?? [];
        v.When(questions.Count > 20, "questions", "must hold at most 20 questions.");
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            v.Require($"questions[{i}].text", q?.Text, 500);
            v.When(q?.Options is not { Count: >= 2 and <= 6 } || q.Options.Any(o => string.IsNullOrWhiteSpace(o) || o.Length > 200), $"questions[{i}].options", "must hold 2 to 6 options of 1 to 200 characters.");
            v.When(q is not null && (q.Correct < 0 || q.Correct >= (q.Options?.Count ?? 0)), $"questions[{i}].correct", "must be the index of one of the options.");
        }
        v.ThrowIfInvalid();
        if (questions.Count == 0) questions = QuizGenerator.FromText(doc!.Content);
        new Validator().When(questions.Count == 0, "questions", "none could be generated from this document: attach them.").ThrowIfInvalid();
        var quiz = new Quiz
        {
            DocumentId = doc!.Id, Title = string.IsNullOrWhiteSpace(input.Title) ? doc.Title : input.Title.Trim(),
            Questions = questions.Select(q => new QuizQuestion(q.Text.Trim(), q.Options.Select(o => o.Trim()).ToList(), q.Correct)).ToList(),
            CreatedBy = access.User.UserId, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Quizzes.Add(quiz);
        await db.SaveChangesAsync(ct);
        return ToDto(quiz, false);
    }

    /// <summary>The workspace's quizzes, newest first, each saying whether the caller completed it.</summary>
    public async Task<IReadOnlyList<QuizDto>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.CopilotUse, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var done = (await db.QuizAttempts.AsNoTracking().Where(a => a.UserId == access.User.UserId).Select(a => a.QuizId).ToListAsync(ct)).ToHashSet();
        return (await db.Quizzes.AsNoTracking().OrderByDescending(q => q.CreatedAt).ToListAsync(ct)).Select(q => ToDto(q, done.Contains(q.Id))).ToList();
    }

    /// <summary>
    /// Scores the caller's answers (option index per question, in order) and records <c>quiz.completed</c>. 404 for
    /// another workspace's quiz, 400 on <c>answers</c> when the count or an index is wrong, 409 when already completed.
    /// </summary>
    public async Task<QuizResult> AnswerAsync(Guid quizId, IReadOnlyList<int>? answers, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.CopilotUse, ct);
        var userId = access.User.UserId ?? throw new ForbiddenException("Only a signed-in member takes a quiz.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quiz = await db.Quizzes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quizId, ct) ?? throw new NotFoundException("Quiz", quizId);
        new Validator()
            .When(answers is null || answers.Count != quiz.Questions.Count, "answers", $"must hold one option index for each of the {quiz.Questions.Count} questions.")
            .When(answers is not null && answers.Count == quiz.Questions.Count && answers.Where((a, i) => a < 0 || a >= quiz.Questions[i].Options.Count).Any(), "answers", "holds an index that is not an option.")
            .ThrowIfInvalid();
        if (await db.QuizAttempts.AnyAsync(a => a.QuizId == quizId && a.UserId == userId, ct)) throw new ConflictException("You already completed this quiz.");
        var correct = answers!.Where((a, i) => a == quiz.Questions[i].Correct).Count();
        var total = quiz.Questions.Count;
        var passed = correct >= PassMark * total;
        var now = time.GetUtcNow().UtcDateTime;
        var e = db.Record(EventTypes.QuizCompleted, tenantId, null,
            new { quiz_id = quiz.Id.ToString(), user_id = userId, score = Math.Round((double)correct / total, 4), correct, total, passed }, now);
        db.QuizAttempts.Add(new QuizAttempt { TenantId = tenantId, QuizId = quiz.Id, UserId = userId, Correct = correct, Total = total, CompletedAt = now, EventId = e.Id });
        await db.SaveChangesAsync(ct);
        bus.Publish([e]);
        return new QuizResult(quiz.Id, correct, total, passed);
    }

    public static QuizDto ToDto(Quiz q, bool completed) =>
        new(q.Id, q.DocumentId, q.Title, q.Questions.Select(x => new QuizQuestionDto(x.Text, x.Options)).ToList(), completed);
}
