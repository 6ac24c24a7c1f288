using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Leads;

/// <summary>
/// A list request in the PostgREST grammar (parsed already), plus <c>q</c> text search and how far to count the matches
/// (by default exact up to <see cref="ListTotal.CapAhead"/> past the offset, see <see cref="CountMode"/>).
/// </summary>
public sealed record LeadListRequest(IReadOnlyList<FilterNode> Filters, IReadOnlyList<SortKey>? Order = null, string? Q = null, int Limit = 50, int Offset = 0,
    CountMode Count = CountMode.Capped);

/// <summary>Reads leads for the board, the list, the API and exports — always within the actor's visibility scope.</summary>
public sealed class LeadQuery(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time)
{
    /// <summary>The filterable and sortable lead fields, by API name.</summary>
    public static readonly FieldMap<Lead> Fields = new FieldMap<Lead>()
        .Add("id", l => l.Id).Add("name", l => l.Name).Add("email", l => l.Email).Add("phone", l => l.Phone).Add("company", l => l.Company)
        .Add("source", l => l.Source).Add("owner_id", l => l.OwnerId).Add("priority", l => l.Priority)
        .Add("value", l => l.ValueCents, parse: raw => (long)Math.Round(decimal.Parse(raw, System.Globalization.NumberStyles.Number, FilterGrammar.Invariant) * 100))
        .Add("currency", l => l.Currency).Add("expected_close_date", l => l.ExpectedCloseDate).Add("score", l => l.Score)
        .Add("status", l => l.Status).Add("lost_reason", l => l.LostReason).Add("pipeline_id", l => l.PipelineId).Add("stage_id", l => l.StageId)
        .Add("position", l => l.Position).Add("stage_entered_at", l => l.StageEnteredAt).Add("last_interaction_at", l => l.LastInteractionAt)
        .Add("interaction_count", l => l.InteractionCount).Add("created_at", l => l.CreatedAt).Add("updated_at", l => l.UpdatedAt)
        .Add("utm_source", l => l.UtmSource).Add("utm_medium", l => l.UtmMedium).Add("utm_campaign", l => l.UtmCampaign)
        .Add("utm_term", l => l.UtmTerm).Add("utm_content", l => l.UtmContent).Add("tags", l => l.Tags, sortable: false)
        .Add("phone_raw", l => l.PhoneRaw).Add("whatsapp_id", l => l.WhatsappId).Add("version", l => l.Version)
        // Computed columns, as PostgREST filters a function of the row: the text folded (lower case, no accents), so a
        // filter ignores accents on either side (name_folded=ilike.*joao* and ilike.*JOÃO* find "João": the value is folded too); the list's filter boxes use them.
        .Add("name_folded", l => SqlText.Fold(l.Name), sortable: false, parse: UnicodeText.Fold).Add("company_folded", l => SqlText.Fold(l.Company), sortable: false, parse: UnicodeText.Fold)
        .Add("email_folded", l => SqlText.Fold(l.Email), sortable: false, parse: UnicodeText.Fold)
        .Derived("owner_name", "owner_id").Derived("days_in_stage", "stage_entered_at").Derived("is_rotting", "stage_entered_at with the stage's rotten_after_days");

    public async Task<Paged<LeadDto>> ListAsync(LeadListRequest request, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        new PageRequest(request.Limit, request.Offset).Normalize();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await FilteredAsync(db, request, ct);
        var ordered = Fields.OrderBy(query, request.Order ?? [new SortKey("created_at", true)]);
        var leads = await ordered.ThenBy(l => l.Id).Skip(request.Offset).Take(request.Limit).AsNoTracking().ToListAsync(ct);
        var (total, exact) = await ListTotal.CountAsync(query, request.Count, request.Offset, request.Limit, leads.Count, db.Database, ct);
        return new Paged<LeadDto>(await MapAsync(db, leads, ct), total, request.Limit, request.Offset, exact);
    }

    /// <summary>
    /// Streams the leads matching the request from <see cref="LeadListRequest.Offset"/>, at most
    /// <see cref="LeadListRequest.Limit"/> of them (<see cref="int.MaxValue"/> for all; the caller checks its own cap),
    /// read in batches, for exports.
    /// </summary>
    public async IAsyncEnumerable<LeadDto> StreamAsync(LeadListRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsExport, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Fields.OrderBy(await FilteredAsync(db, request, ct), request.Order ?? [new SortKey("created_at", true)]);
        const int batch = 500;
        for (var read = 0; read < request.Limit; read += batch)
        {
            var take = (int)Math.Min(batch, (long)request.Limit - read);
            var leads = await query.ThenBy(l => l.Id).Skip(request.Offset + read).Take(take).AsNoTracking().ToListAsync(ct);
            foreach (var dto in await MapAsync(db, leads, ct)) yield return dto;
            if (leads.Count < take) yield break;
        }
    }

    public async Task<LeadDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await (await VisibleAsync(db, ct)).AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Lead", id);
        return (await MapAsync(db, [lead], ct))[0];
    }

    /// <summary>
    /// A board's columns in one read: the first cards of each stage by position (<paramref name="takeByStage"/>: stage →
    /// how many), and every stage's count and value over the same filters, for the column headers and "load more".
    /// </summary>
    public async Task<BoardColumns> BoardAsync(LeadListRequest request, IReadOnlyDictionary<Guid, int> takeByStage, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await FilteredAsync(db, request, ct);
        var leads = new List<Lead>();
        foreach (var (stageId, take) in takeByStage)
            leads.AddRange(await query.Where(l => l.StageId == stageId).OrderBy(l => l.Position).ThenBy(l => l.Id).Take(take).AsNoTracking().ToListAsync(ct));
        var rows = await query.GroupBy(l => l.StageId).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(l => l.ValueCents) }).ToListAsync(ct);
        return new BoardColumns(await MapAsync(db, leads, ct), rows.ToDictionary(r => r.Key, r => new StageTotals(r.Count, r.Sum / 100m)));
    }

    /// <summary>The leads the actor may see (of <paramref name="source"/>, by default all leads): all of the tenant's, or only their own.</summary>
    internal async Task<IQueryable<Lead>> VisibleAsync(CrmDbContext db, CancellationToken ct, IQueryable<Lead>? source = null)
    {
        var leads = source ?? db.Leads;
        if (await access.GetVisibilityAsync(ct) == VisibilityScope.Own)
        {
            var userId = access.User.UserId;
            leads = leads.Where(l => l.OwnerId == userId);
        }
        return leads;
    }

    private async Task<string> RegionAsync(CrmDbContext db, CancellationToken ct)
    {
        var tenantId = access.User.TenantId;
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct);
        return settings?.DefaultRegion ?? "BR";
    }

    /// <summary>
    /// The leads a restricted actor (visibility <c>own</c>) may see, or null when the actor sees every lead of the
    /// tenant. Lists of records about leads (events, audit entries, deliveries) filter with it, so a record about a
    /// lead follows that lead's visibility.
    /// </summary>
    internal async Task<IQueryable<Lead>?> RestrictedToAsync(CrmDbContext db, CancellationToken ct) =>
        await access.GetVisibilityAsync(ct) == VisibilityScope.Own ? await VisibleAsync(db, ct) : null;

    private async Task<IQueryable<Lead>> FilteredAsync(CrmDbContext db, LeadListRequest request, CancellationToken ct)
    {
        IQueryable<Lead>? source = null;
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var terms = await LeadTextSearch.ReadAsync(request.Q, () => RegionAsync(db, ct));
            source = await LeadTextSearch.MatchingAsync(db, terms, access.User.RequireTenant(), ct);
        }
        var query = await VisibleAsync(db, ct, source);
        foreach (var condition in request.Filters) query = Fields.Where(query, condition);
        return query;
    }

    internal async Task<IReadOnlyList<LeadDto>> MapAsync(CrmDbContext db, IReadOnlyList<Lead> leads, CancellationToken ct)
    {
        if (leads.Count == 0) return [];
        var now = time.GetUtcNow().UtcDateTime;
        var ownerIds = leads.Where(l => l.OwnerId is not null).Select(l => l.OwnerId!.Value).Distinct().ToList();
        var owners = ownerIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var stageIds = leads.Select(l => l.StageId).Distinct().ToList();
        var rotting = await db.Stages.Where(s => stageIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.RottenAfterDays, ct);
        var leadIds = leads.Select(l => l.Id).ToList();
        var activities = await db.Activities.Where(a => leadIds.Contains(a.LeadId) && !a.Done)
            .OrderBy(a => a.DueAt).Select(a => new { a.LeadId, a.Id, a.Type, a.Title, a.DueAt }).ToListAsync(ct);
        var next = activities.GroupBy(a => a.LeadId).ToDictionary(g => g.Key, g => g.First());
        return leads.Select(l =>
        {
            var rotten = LeadRotting.IsRotting(l, rotting.GetValueOrDefault(l.StageId), now);
            var activity = next.TryGetValue(l.Id, out var a) ? new ActivitySummary(a.Id, a.Type, a.Title, a.DueAt, a.DueAt < now) : null;
            return ToDto(l, l.OwnerId is { } o ? owners.GetValueOrDefault(o) : null, rotten, (int)(now - l.StageEnteredAt).TotalDays, activity);
        }).ToList();
    }

    public static LeadDto ToDto(Lead l, string? ownerName, bool rotting, int daysInStage, ActivitySummary? next) => new(
        l.Id, l.Name, l.Email, l.Phone, l.PhoneRaw, l.WhatsappId, l.Company, l.Source, l.Sources, l.UtmSource, l.UtmMedium, l.UtmCampaign, l.UtmTerm, l.UtmContent,
        l.OwnerId, ownerName, l.Priority, l.ValueCents / 100m, l.Currency, l.ExpectedCloseDate, l.Score,
        JsonSerializer.Deserialize<Dictionary<string, int>>(l.ScoreBreakdown) ?? [], l.Tags, JsonSerializer.Deserialize<JsonElement>(l.CustomFields),
        l.Status, l.LostReason, l.PipelineId, l.StageId, l.Position, l.StageEnteredAt, l.LastInteractionAt, l.InteractionCount, l.Version,
        l.CreatedAt, l.UpdatedAt, rotting, Math.Max(0, daysInStage), next);
}
