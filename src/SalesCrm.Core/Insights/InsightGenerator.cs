using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Insights;

/// <summary>
/// Runs the offline rules (<see cref="InsightRules.All"/>) over the current workspace and stores what they find, one insight per
/// dedupe key (kind, subject, the workspace's local day): a new key is inserted (its text rewritten by the chat model when one
/// is configured, <see cref="InsightRewriter"/>); an existing one still <c>new</c> gets the fresh figures; a dismissed or done
/// one is left alone. A new critical insight records an <c>insight.critical</c> event in the same transaction; every new one is
/// announced after commit (<see cref="EventTypes.InsightGenerated"/>). Both carry the texts in the workspace's language and say
/// which (<c>culture</c>): a push has many readers, so it is written once, in the language the insight is stored in (ADR 042).
/// Called by the daily job and on demand, as the workspace.
/// </summary>
public sealed class InsightGenerator(IDbContextFactory<CrmDbContext> dbFactory, ICurrentUser user, InsightRewriter rewriter, ICrmEventBus bus,
    TimeProvider time, ILogger<InsightGenerator> logger)
{
    /// <summary>Runs the rules for the current workspace now. Returns the insights inserted.</summary>
    public Task<IReadOnlyList<Insight>> GenerateAsync(CancellationToken ct = default) => GenerateAsync(time.GetUtcNow().UtcDateTime, ct);

    /// <summary>Runs the rules for the current workspace as at <paramref name="nowUtc"/>. Returns the insights inserted.</summary>
    public async Task<IReadOnlyList<Insight>> GenerateAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        try
        {
            return await RunAsync(nowUtc, ct);
        }
        catch (DbUpdateException ex)
        {
            // Another run of the same workspace inserted the same key first: run again against what it stored.
            logger.LogInformation(ex, "Insight generation raced another run; retrying once");
            return await RunAsync(nowUtc, ct);
        }
    }

    private async Task<IReadOnlyList<Insight>> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var tenantId = user.RequireTenant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstAsync(ct);
        var zone = WorkspaceTimeZones.Find(settings.TimeZone) ?? WorkspaceTimeZones.Default;
        var context = new InsightContext(db, tenantId, nowUtc, zone, settings.DefaultCurrency, settings.Culture);
        var language = InsightTexts.Language(settings.Culture);
        var drafts = new List<InsightDraft>();
        foreach (var rule in InsightRules.All) drafts.AddRange(await rule.EvaluateAsync(context, ct));

        var day = context.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var keys = drafts.Select(d => Key(d, day)).ToList();
        var existing = await db.Insights.Where(i => keys.Contains(i.DedupeKey)).ToDictionaryAsync(i => i.DedupeKey, ct);
        var inserted = new List<Insight>();
        var events = new List<CrmEvent>();
        foreach (var draft in drafts)
        {
            var key = Key(draft, day);
            var evidence = JsonSerializer.Serialize(draft.Evidence, EventRecorder.PayloadJson);
            if (existing.TryGetValue(key, out var insight))
            {
                if (insight.Status != InsightStatus.New) continue;
                insight.GeneratedAt = nowUtc;
                if (insight.Evidence == evidence && insight.Priority == draft.Priority) continue;
                await ApplyAsync(insight, draft, evidence, settings.Culture, ct);
                continue;
            }
            insight = new Insight
            {
                TenantId = tenantId, Kind = draft.Kind, DedupeKey = key, SubjectUserId = draft.SubjectUserId, GeneratedAt = nowUtc,
                Title = draft.Text.Title, Description = draft.Text.Description, Recommendation = draft.Text.Recommendation,
            };
            await ApplyAsync(insight, draft, evidence, settings.Culture, ct);
            db.Insights.Add(insight);
            inserted.Add(insight);
            if (insight.Priority == InsightPriority.Critical) events.Add(db.Record(EventTypes.InsightCritical, tenantId, null, CriticalPayload(insight, draft.Evidence, language), nowUtc));
        }
        await db.SaveChangesAsync(ct);
        events.AddRange(inserted.Select(i => new CrmEvent
        {
            TenantId = tenantId, Type = EventTypes.InsightGenerated, OccurredAt = nowUtc,
            Payload = JsonSerializer.Serialize(new { insight_id = i.Id, priority = SnakeEnum.ToText(i.Priority), subject_user_id = i.SubjectUserId, title = i.Title, culture = language }),
        }));
        if (events.Count > 0) bus.Publish(events);
        return inserted;
    }

    private async Task ApplyAsync(Insight insight, InsightDraft draft, string evidence, string culture, CancellationToken ct)
    {
        var (text, rewritten) = await rewriter.RewriteAsync(draft.Text, draft.Evidence, culture, ct);
        (insight.Title, insight.Description, insight.Recommendation) = (text.Title, text.Description, text.Recommendation);
        insight.TextSource = rewritten ? InsightTextSources.Llm : InsightTextSources.Rules;
        (insight.Priority, insight.Confidence, insight.Evidence) = (draft.Priority, draft.Confidence, evidence);
    }

    /// <summary><c>kind:subject:day</c>, e.g. <c>conversion_drop:3f2a…:2026-12-01</c>.</summary>
    public static string Key(InsightDraft draft, string day) => $"{SnakeEnum.ToText(draft.Kind)}:{draft.Subject}:{day}";

    private static object CriticalPayload(Insight i, InsightEvidence evidence, string culture) => new
    {
        insight_id = i.Id, kind = SnakeEnum.ToText(i.Kind), i.Title, i.Description, i.Recommendation, culture, priority = SnakeEnum.ToText(i.Priority),
        i.Confidence, subject_user_id = i.SubjectUserId, evidence,
    };
}
