using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Suggestions for a rep: retrieve the playbook's best passages (<see cref="IKnowledgeSearch"/>), then let the chat model
/// write from them (streamed) when one is configured, else — or when it times out or fails — the grounded composer, else
/// the workspace's static suggestions. Every request is a session; identical requests are served from the cache; each
/// caller has an hourly budget. The knowledge search and the chat client are optional registrations.
/// </summary>
public sealed class CopilotService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, CopilotLeadContext leadContext, CopilotCache cache,
    CopilotRateLimiter limiter, CopilotHistory history, IOptions<CopilotOptions> options, TimeProvider time, ILogger<CopilotService> logger,
    IKnowledgeSearch? search = null, IChatClient? chat = null) : ICopilotAssistant
{
    /// <summary>Passages a chat model is given per request.</summary>
    public const int PassageCount = 6;

    /// <summary>Passages retrieved per request: the grounded composer looks further than the model (the best document's sections often fill the first six).</summary>
    public const int RetrievedCount = 12;

    private static readonly Dictionary<CopilotIntent, string> IntentQueries = new()
    {
        [CopilotIntent.Qualification] = "perguntas de qualificação necessidade orçamento prazo decisão",
        [CopilotIntent.Objection] = "objeção como responder",
        [CopilotIntent.Closing] = "fechamento proposta próximo passo",
        [CopilotIntent.FollowUp] = "follow-up retomar contato cadência",
        [CopilotIntent.FreeText] = "",
    };

    public bool HasPlaybook => search is not null;

    /// <summary>The question the knowledge base is searched with: the context (clipped to 500 characters), or the intent's own words without one.</summary>
    public static string SearchQuery(CopilotIntent intent, string? context) =>
        string.IsNullOrWhiteSpace(context) ? IntentQueries[intent] : CopilotText.Clip(context, 500);

    public async Task<(string? LastInbound, bool WindowOpen)> LeadContextAsync(Guid leadId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.CopilotUse, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await leadContext.LoadAsync(db, leadId, ct);
        return (facts.LastInbound, facts.WindowOpen);
    }

    /// <summary>
    /// Up to three suggestions for the intent, adapted to the lead (when given) and the context (default: the lead's last
    /// inbound WhatsApp message), each citing its source chunks. <paramref name="onDelta"/> receives a model's text as it
    /// streams. Needs <c>copilot.use</c>.
    /// </summary>
    /// <exception cref="ValidationException">Unknown intent, a context over 2,000 characters, or <c>free_text</c> without one.</exception>
    /// <exception cref="NotFoundException">A lead the caller cannot see (another workspace, or not theirs under visibility <c>own</c>).</exception>
    /// <exception cref="RateLimitedException">The caller's hourly budget is used up.</exception>
    public async Task<SuggestResult> SuggestAsync(SuggestInput input, Func<SuggestionDelta, Task>? onDelta = null, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.CopilotUse, ct);
        var intent = Validate(input);
        var clock = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = input.LeadId is { } leadId ? await leadContext.LoadAsync(db, leadId, ct) : null;
        // Only a request that will be answered spends the budget: an invalid body or an unknown lead does not.
        await limiter.TakeAsync($"{tenantId}:{access.User.UserId?.ToString() ?? "key:" + access.User.ApiKeyId}");
        var seller = access.User.DisplayName;
        var context = (string.IsNullOrWhiteSpace(input.Context) ? lead?.LastInbound : input.Context)?.Trim() ?? "";
        var normalized = CopilotText.Normalize(context);
        var key = CopilotCache.Key(lead?.StageId, intent, lead?.WindowOpen, normalized);
        var templates = await TemplatesAsync(db, intent, lead, seller, context, ct);

        if (await cache.FindAsync(db, key, ct) is { } cached)
        {
            var fromCache = cached.Suggestions.Select(s => new ComposedSuggestion(LeadPlaceholders.Fill(s.Text, lead, seller), s.Sources)).ToList();
            var cachedSession = NewSession(tenantId, input, intent, context, cached.Provider, CopilotOutcome.Cached, cached.ChunkIds, null);
            return await SaveAsync(db, cachedSession, fromCache, clock, lead, templates, ct);
        }

        var hits = await RetrieveAsync(intent, context, ct);
        var chunkIds = hits.Select(h => h.ChunkId).ToList();
        var (suggestions, provider, outcome, error) = await ComposeAsync(tenantId, intent, context, hits, lead, seller, onDelta, ct);
        var session = NewSession(tenantId, input, intent, context, provider, outcome, chunkIds, error);
        if (outcome == CopilotOutcome.Served && provider != SuggestionOrigin.Static)
            await cache.AddAsync(db, tenantId, key, intent, lead, seller, normalized, provider, suggestions, chunkIds, ct);
        return await SaveAsync(db, session, suggestions, clock, lead, templates, ct);
    }

    /// <summary>The model when configured and there are passages to ground it; on timeout or error (or no model) the composer; then the static list.</summary>
    private async Task<(IReadOnlyList<ComposedSuggestion>, SuggestionOrigin, CopilotOutcome, string?)> ComposeAsync(Guid tenantId, CopilotIntent intent, string context,
        IReadOnlyList<KnowledgeSearchHit> hits, LeadFacts? lead, string? seller, Func<SuggestionDelta, Task>? onDelta, CancellationToken ct)
    {
        var outcome = CopilotOutcome.Served;
        string? error = null;
        if (chat is not null && hits.Count > 0)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.Chat.TimeoutSeconds));
            try
            {
                var passages = hits.Take(PassageCount).ToList();
                var written = await LlmSuggestionWriter.WriteAsync(chat, LlmSuggestionWriter.Messages(intent, context, passages, lead), passages, onDelta, timeout.Token);
                if (written.Count > 0) return (written, SuggestionOrigin.Llm, outcome, null);
                (outcome, error) = (CopilotOutcome.FallbackError, "The model returned no suggestion.");
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                (outcome, error) = (CopilotOutcome.FallbackTimeout, "timeout");
                logger.LogWarning("Copilot chat model did not answer within {Seconds} s; falling back to the playbook", options.Value.Chat.TimeoutSeconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                (outcome, error) = (CopilotOutcome.FallbackError, CopilotText.Clip(e.Message, 900));
                logger.LogWarning(e, "Copilot chat model failed; falling back to the playbook");
            }
        }
        var question = string.IsNullOrWhiteSpace(context) ? IntentQueries[intent] : context;
        var composed = GroundedComposer.Compose(question, intent, hits, lead, seller: seller);
        if (composed.Count > 0) return (composed, SuggestionOrigin.Playbook, outcome, error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await StaticSuggestionService.ForIntentAsync(db, tenantId, intent, lead, seller, time.GetUtcNow().UtcDateTime, ct), SuggestionOrigin.Static, outcome, error);
    }

    /// <summary>
    /// The best passages for the context (or the intent's own words), re-ranked for the intent (<see cref="IntentPreferences"/>)
    /// from twice as many candidates; none without a knowledge search, or when it fails.
    /// </summary>
    private async Task<IReadOnlyList<KnowledgeSearchHit>> RetrieveAsync(CopilotIntent intent, string context, CancellationToken ct)
    {
        if (search is null) return [];
        var query = SearchQuery(intent, context);
        if (string.IsNullOrWhiteSpace(query)) return [];
        try
        {
            var hits = await search.SearchAsync(new KnowledgeSearchRequest(query, Limit: 2 * RetrievedCount), ct);
            return IntentPreferences.Rerank(intent, hits, RetrievedCount);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ForbiddenException)
        {
            logger.LogWarning(e, "Knowledge search failed; the copilot answers from static suggestions");
            return [];
        }
    }

    private async Task<IReadOnlyList<TemplateSuggestion>> TemplatesAsync(CrmDbContext db, CopilotIntent intent, LeadFacts? lead, string? seller, string context, CancellationToken ct)
    {
        if (lead is null || lead.WindowOpen) return [];
        var approved = await db.MessageTemplates.AsNoTracking().Where(t => t.Status == Messaging.TemplateStatus.Approved).ToListAsync(ct);
        if (approved.Count == 0) return [];
        var rates = await Messaging.TemplateService.ReplyRatesAsync(db, ct);
        return TemplateRanker.Rank(approved, rates, intent, lead.StageName, context, LeadPlaceholders.TemplateValues(lead, seller));
    }

    private CopilotSession NewSession(Guid tenantId, SuggestInput input, CopilotIntent intent, string context, SuggestionOrigin provider, CopilotOutcome outcome,
        List<Guid> chunkIds, string? error) => new()
    {
        TenantId = tenantId, UserId = access.User.UserId, LeadId = input.LeadId, Intent = intent, Context = context.Length == 0 ? null : context,
        Provider = provider, Outcome = outcome, ChunkIds = chunkIds, Error = error, CreatedAt = time.GetUtcNow().UtcDateTime,
    };

    private async Task<SuggestResult> SaveAsync(CrmDbContext db, CopilotSession session, IReadOnlyList<ComposedSuggestion> suggestions, Stopwatch clock, LeadFacts? lead,
        IReadOnlyList<TemplateSuggestion> templates, CancellationToken ct)
    {
        var rows = suggestions.Select((s, i) => new CopilotSuggestion
        {
            TenantId = session.TenantId, SessionId = session.Id, Position = i, Text = CopilotText.Clip(s.Text, CopilotLimits.SuggestionLength),
            Origin = session.Provider, Sources = s.Sources.ToList(), CreatedAt = session.CreatedAt,
        }).ToList();
        session.LatencyMs = (int)Math.Min(int.MaxValue, clock.ElapsedMilliseconds);
        db.CopilotSessions.Add(session);
        db.CopilotSuggestions.AddRange(rows);
        await db.SaveChangesAsync(CancellationToken.None);
        return new SuggestResult(session.Id, session.Provider, rows.Select(r => new SuggestionDto(r.Id, r.Text, r.Origin, r.Sources)).ToList(),
            session.Outcome == CopilotOutcome.Cached, lead?.WindowOpen, templates);
    }

    private static CopilotIntent Validate(SuggestInput input)
    {
        var v = new Validator();
        if (!SnakeEnum.TryParse<CopilotIntent>(input.Intent, out var intent))
            v.Add("intent", "must be qualification, objection, closing, follow_up or free_text.");
        v.When(input.Context is { Length: > CopilotLimits.ContextLength }, "context", $"must be at most {CopilotLimits.ContextLength} characters.");
        v.When(intent == CopilotIntent.FreeText && string.IsNullOrWhiteSpace(input.Context) && input.Intent is not null && input.LeadId is null, "context", "is required for free_text.");
        v.ThrowIfInvalid();
        return intent;
    }

    public Task<FeedbackResult> FeedbackAsync(FeedbackInput input, CancellationToken ct = default) => history.FeedbackAsync(input, ct);

    public Task RecordUseAsync(Guid sessionId, Guid suggestionId, CopilotOutcome outcome, CancellationToken ct = default) => history.RecordUseAsync(sessionId, suggestionId, outcome, ct);

    public Task LogAsInteractionAsync(Guid sessionId, Guid suggestionId, CancellationToken ct = default) => history.LogAsInteractionAsync(sessionId, suggestionId, ct);
}
