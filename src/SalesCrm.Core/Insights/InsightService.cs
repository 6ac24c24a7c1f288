using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Insights;

/// <summary>
/// Lists insights, dismisses them or marks them done, and asks for a run on demand. Needs <c>reports.view</c>. A member who
/// sees every lead sees every insight; a member whose visibility is <c>own</c> sees only the insights about themselves
/// (<see cref="Insight.SubjectUserId"/>): workspace-wide findings cite every rep's leads (ADR 029).
/// </summary>
public sealed class InsightService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, IInsightScheduler scheduler, ICrmEventBus bus, TimeProvider time)
{
    /// <summary>
    /// The visible insights, highest priority first, newest first within one, their texts in the reader's language
    /// (<see cref="InsightListQuery.Culture"/>; the workspace's when null). 400 (<c>status</c>, <c>priority</c>, <c>limit</c>,
    /// <c>offset</c>) for unknown values.
    /// </summary>
    public async Task<Paged<InsightDto>> ListAsync(InsightListQuery query, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.ReportsView, ct);
        var page = new PageRequest(query.Limit, query.Offset).Normalize();
        var status = Parse<InsightStatus>(query.Status);
        var priority = Parse<InsightPriority>(query.Priority);
        new Validator()
            .When(query.Status is not null && status is null, "status", "must be new, dismissed or done.")
            .When(query.Priority is not null && priority is null, "priority", "must be low, medium, high or critical.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await VisibleAsync(db, ct);
        if (status is { } st) rows = rows.Where(i => i.Status == st);
        if (priority is { } pr) rows = rows.Where(i => i.Priority == pr);
        var total = await rows.CountAsync(ct);
        // Priority is stored as its name: ranked by a CASE so the order is the enum's, not the alphabet's.
        var items = await rows.OrderByDescending(i => i.Priority == InsightPriority.Critical ? 3 : i.Priority == InsightPriority.High ? 2 : i.Priority == InsightPriority.Medium ? 1 : 0)
            .ThenByDescending(i => i.GeneratedAt).ThenBy(i => i.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        var dtos = items.Select(ToDto).ToList();
        return new Paged<InsightDto>(await InReaderLanguageAsync(db, dtos, query.Culture, ct), total, page.Limit, page.Offset);
    }

    /// <summary>
    /// The stored texts are in the workspace's language (the rules' or the chat model's rewrite, ADR 030). A reader of
    /// another language gets them written again from the kind and the evidence in theirs (ADR 037); the rewrite, which
    /// has no counterpart in another language, is shown only to readers of the workspace's language. Every item says
    /// which language it is in (<see cref="InsightDto.Culture"/>): an insight stored by an older version, whose evidence
    /// cannot be written again, stays in the workspace's (ADR 042).
    /// </summary>
    private static async Task<List<InsightDto>> InReaderLanguageAsync(CrmDbContext db, List<InsightDto> items, string? culture, CancellationToken ct,
        string? workspace = null)
    {
        if (items.Count == 0) return items;
        workspace ??= await WorkspaceLanguageAsync(db, ct);
        items = items.Select(i => i with { Culture = workspace }).ToList();
        if (culture is null || InsightTexts.SameLanguage(culture, workspace)) return items;
        var reader = InsightTexts.Language(culture);
        var ids = items.SelectMany(i => new[] { i.Evidence.PipelineId, i.Evidence.FromStageId, i.Evidence.ToStageId, i.SubjectUserId }).OfType<Guid>().Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        if (ids.Count > 0)
        {
            foreach (var p in await db.Pipelines.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct)) names[p.Id] = p.Name;
            foreach (var st in await db.Stages.AsNoTracking().Where(st => ids.Contains(st.Id)).Select(st => new { st.Id, st.Name }).ToListAsync(ct)) names[st.Id] = st.Name;
            foreach (var u in await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct)) names[u.Id] = u.Name;
        }
        return items.Select(i => InsightTexts.Render(i.Kind, i.Evidence, i.SubjectUserId, names, culture) is { } text
            ? i with { Title = text.Title, Description = text.Description, Recommendation = text.Recommendation, TextSource = InsightTextSources.Rules, Culture = reader }
            : i).ToList();
    }

    /// <summary>The language the workspace's insights are stored in (<see cref="InsightTexts.Language"/> of its culture).</summary>
    private static async Task<string> WorkspaceLanguageAsync(CrmDbContext db, CancellationToken ct) =>
        InsightTexts.Language((await db.Tenants.AsNoTracking().Where(t => t.Id == db.CurrentUser.TenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct))?.Culture ?? "pt-BR");

    /// <summary>
    /// Sets an insight's status to <c>dismissed</c> or <c>done</c>. 400 (<c>status</c>) for anything else, 404 when it does not
    /// exist or is not visible to the caller. Announced on the bus so open panels drop it (its title in the workspace's language,
    /// like every push, ADR 042). The answer's texts are in the reader's language (<see cref="InsightPatch.Culture"/>), as the list's.
    /// </summary>
    public async Task<InsightDto> UpdateAsync(Guid id, InsightPatch patch, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.ReportsView, ct);
        var target = patch.Status is { } text && SnakeEnum.TryParse<InsightStatus>(text, out var s) && s != InsightStatus.New ? s
            : throw new ValidationException("status", patch.Status is null ? "is required." : "must be dismissed or done.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await VisibleAsync(db, ct, tracking: true);
        var insight = await visible.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Insight", id);
        var now = time.GetUtcNow().UtcDateTime;
        (insight.Status, insight.ResolvedAt, insight.ResolvedBy) = (target, now, access.User.UserId);
        await db.SaveChangesAsync(ct);
        var workspace = await WorkspaceLanguageAsync(db, ct);
        bus.Publish([new CrmEvent
        {
            TenantId = tenantId, Type = EventTypes.InsightGenerated, OccurredAt = now,
            Payload = JsonSerializer.Serialize(new { insight_id = insight.Id, status = SnakeEnum.ToText(target), subject_user_id = insight.SubjectUserId, title = insight.Title, culture = workspace }),
        }]);
        return (await InReaderLanguageAsync(db, [ToDto(insight)], patch.Culture, ct, workspace))[0];
    }

    /// <summary>Queues a run of the rules for the caller's workspace; the insights arrive on the bus and the hub when it ends.</summary>
    public async Task RequestGenerationAsync(CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.ReportsView, ct);
        await scheduler.RequestAsync(tenantId, ct);
    }

    /// <summary>Whether the caller may list insights (<c>reports.view</c>).</summary>
    public Task<bool> CanListAsync(CancellationToken ct = default) => access.HasAsync(Capabilities.ReportsView, ct);

    /// <summary>Names of the leads among <paramref name="ids"/> the caller may open (an <c>own</c> member: their own), for evidence links.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> LeadNamesAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.ReportsView, ct);
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<Guid, string>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leads = db.Leads.AsNoTracking().Where(l => wanted.Contains(l.Id));
        if (await access.GetVisibilityAsync(ct) == VisibilityScope.Own)
        {
            var me = access.User.UserId ?? Guid.Empty;
            leads = leads.Where(l => l.OwnerId == me);
        }
        return await leads.ToDictionaryAsync(l => l.Id, l => l.Name, ct);
    }

    private async Task<IQueryable<Insight>> VisibleAsync(CrmDbContext db, CancellationToken ct, bool tracking = false)
    {
        var rows = tracking ? db.Insights : db.Insights.AsNoTracking();
        if (await access.GetVisibilityAsync(ct) == VisibilityScope.Own)
        {
            var me = access.User.UserId ?? Guid.Empty;
            rows = rows.Where(i => i.SubjectUserId == me);
        }
        return rows;
    }

    private static T? Parse<T>(string? text) where T : struct, Enum => SnakeEnum.TryParse<T>(text, out var value) ? value : null;

    public static InsightDto ToDto(Insight i) => new(i.Id, i.Kind, i.Title, i.Description, i.Recommendation, i.Priority, i.Confidence,
        JsonSerializer.Deserialize<InsightEvidence>(i.Evidence, EventRecorder.PayloadJson)!, i.SubjectUserId, i.Status, i.TextSource, i.GeneratedAt, i.ResolvedAt);
}
