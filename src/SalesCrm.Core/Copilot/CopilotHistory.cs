using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// What happened to suggestions: sessions and suggestions listed, ratings stored and passed on to the knowledge base,
/// uses recorded. A member whose role sees only their own leads sees only their own sessions.
/// </summary>
public sealed class CopilotHistory(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, InteractionService interactions, TimeProvider time,
    IKnowledgeSearch? search = null)
{
    public async Task<Paged<CopilotSessionDto>> SessionsAsync(PageRequest page, Guid? leadId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.CopilotUse, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await VisibleSessionsAsync(db, ct);
        if (leadId is { } lead) q = q.Where(s => s.LeadId == lead);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(page.Offset).Take(page.Limit)
            .Select(s => new { s, Count = db.CopilotSuggestions.Count(x => x.SessionId == s.Id) }).ToListAsync(ct);
        return new Paged<CopilotSessionDto>(rows.Select(r => new CopilotSessionDto(r.s.Id, r.s.UserId, r.s.LeadId, r.s.Intent, r.s.Context, r.s.Provider, r.s.LatencyMs,
            r.s.ChunkIds, r.Count, r.s.Outcome, r.s.Error, r.s.CreatedAt)).ToList(), total, page.Limit, page.Offset);
    }

    /// <param name="rating"><c>up</c>, <c>down</c>, <c>none</c> (not rated) or null (any).</param>
    public async Task<Paged<CopilotSuggestionDto>> SuggestionsAsync(PageRequest page, Guid? sessionId, string? rating, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.CopilotUse, ct);
        page.Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = await VisibleSessionsAsync(db, ct);
        var q = db.CopilotSuggestions.AsNoTracking().Where(x => sessions.Any(s => s.Id == x.SessionId));
        if (sessionId is { } session) q = q.Where(x => x.SessionId == session);
        q = rating switch
        {
            null or "" => q,
            "up" => q.Where(x => x.Rating == true),
            "down" => q.Where(x => x.Rating == false),
            "none" => q.Where(x => x.Rating == null),
            _ => throw new ValidationException("rating", "must be up, down or none."),
        };
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.CreatedAt).ThenBy(x => x.SessionId).ThenBy(x => x.Position).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<CopilotSuggestionDto>(rows.Select(CopilotSuggestionDto.From).ToList(), total, page.Limit, page.Offset);
    }

    /// <summary>
    /// Stores a thumbs up/down (and comment) on a suggestion and, when the rating is new or changed, passes it to the
    /// knowledge base for the suggestion's source chunks with the question the session searched for (<see cref="IKnowledgeSearch.RecordFeedbackAsync"/>).
    /// </summary>
    /// <exception cref="ValidationException">Missing ids, a rating other than up/down, a comment over 1,000 characters.</exception>
    /// <exception cref="NotFoundException">The session or suggestion is not one the caller may see, or they do not belong together.</exception>
    public async Task<FeedbackResult> FeedbackAsync(FeedbackInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.CopilotUse, ct);
        new Validator().When(input.SessionId is null, "session_id", "is required.").When(input.SuggestionId is null, "suggestion_id", "is required.")
            .When(input.Rating is not ("up" or "down"), "rating", "must be up or down.")
            .When(input.Comment is { Length: > CopilotLimits.CommentLength }, "comment", $"must be at most {CopilotLimits.CommentLength} characters.").ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var suggestion = await FindAsync(db, input.SessionId!.Value, input.SuggestionId!.Value, ct);
        var positive = input.Rating == "up";
        var changed = suggestion.Rating != positive;
        suggestion.Rating = positive;
        suggestion.Comment = string.IsNullOrWhiteSpace(input.Comment) ? suggestion.Comment : input.Comment.Trim();
        suggestion.RatedBy = access.User.UserId;
        suggestion.RatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        var chunks = suggestion.Sources.Select(s => s.ChunkId).Distinct().ToList();
        var forwarded = changed && chunks.Count > 0 && search is not null;
        if (forwarded)
        {
            // The question the chunks were retrieved for: the rating then moves them for questions like it (ADR 034).
            var session = await db.CopilotSessions.AsNoTracking().Where(s => s.Id == suggestion.SessionId).Select(s => new { s.Intent, s.Context }).FirstAsync(ct);
            await search!.RecordFeedbackAsync(chunks, positive, CopilotService.SearchQuery(session.Intent, session.Context), ct);
        }
        return new FeedbackResult(suggestion.SessionId, suggestion.Id, input.Rating!, suggestion.Comment, forwarded ? chunks : []);
    }

    /// <summary>Records what the rep did with a suggestion (copied, inserted into the composer) as the session's outcome.</summary>
    public async Task RecordUseAsync(Guid sessionId, Guid suggestionId, CopilotOutcome outcome, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.CopilotUse, ct);
        if (outcome is not (CopilotOutcome.Copied or CopilotOutcome.Inserted or CopilotOutcome.Logged)) throw new ValidationException("outcome", "must be copied, inserted or logged.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindAsync(db, sessionId, suggestionId, ct);
        var session = await db.CopilotSessions.FirstAsync(s => s.Id == sessionId, ct);
        session.Outcome = outcome;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Logs the suggestion on the session's lead's timeline as a note (needs <c>leads.write</c>) and records the use.</summary>
    public async Task LogAsInteractionAsync(Guid sessionId, Guid suggestionId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.CopilotUse, ct);
        string text;
        Guid leadId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var suggestion = await FindAsync(db, sessionId, suggestionId, ct);
            leadId = await db.CopilotSessions.Where(s => s.Id == sessionId).Select(s => s.LeadId).FirstAsync(ct) ?? throw new ValidationException("session_id", "is not about a lead.");
            text = suggestion.Text;
        }
        await interactions.CreateAsync(leadId, new InteractionInput(InteractionType.Note, text), ct: ct);
        await RecordUseAsync(sessionId, suggestionId, CopilotOutcome.Logged, ct);
    }

    private async Task<CopilotSuggestion> FindAsync(CrmDbContext db, Guid sessionId, Guid suggestionId, CancellationToken ct)
    {
        var sessions = await VisibleSessionsAsync(db, ct);
        if (!await sessions.AnyAsync(s => s.Id == sessionId, ct)) throw new NotFoundException("Copilot session", sessionId);
        return await db.CopilotSuggestions.FirstOrDefaultAsync(x => x.Id == suggestionId && x.SessionId == sessionId, ct) ?? throw new NotFoundException("Suggestion", suggestionId);
    }

    /// <summary>The workspace's sessions, or only the caller's own when their role sees only their own leads.</summary>
    private async Task<IQueryable<CopilotSession>> VisibleSessionsAsync(CrmDbContext db, CancellationToken ct)
    {
        var q = db.CopilotSessions.AsNoTracking();
        if (await access.GetVisibilityAsync(ct) == VisibilityScope.Own)
        {
            var me = access.User.UserId;
            q = q.Where(s => s.UserId == me);
        }
        return q;
    }
}
