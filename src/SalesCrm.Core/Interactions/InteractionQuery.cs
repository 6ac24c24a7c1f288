using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Interactions;

/// <summary>Interactions of every lead the actor may see, listed with the PostgREST grammar (the /rest/v1 surface).</summary>
public sealed class InteractionQuery(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads)
{
    public static readonly FieldMap<Interaction> Fields = new FieldMap<Interaction>()
        .Add("id", i => i.Id).Add("lead_id", i => i.LeadId).Add("type", i => i.Type).Add("author_id", i => i.AuthorId).Add("author_name", i => i.AuthorName)
        .Add("occurred_at", i => i.OccurredAt).Add("text", i => i.Text).Add("duration_seconds", i => i.DurationSeconds).Add("outcome", i => i.Outcome)
        .Add("created_at", i => i.CreatedAt);

    public async Task<Paged<InteractionDto>> ListAsync(ListRequest request, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await leads.VisibleAsync(db, ct);
        var query = db.Interactions.AsNoTracking().Where(i => visible.Any(l => l.Id == i.LeadId));
        var (rows, total, exact) = await FilteredList.RunAsync(db, query, Fields, request, new SortKey("occurred_at", true), i => i.Id, q => q.Include(i => i.Attachments), ct);
        return new Paged<InteractionDto>(rows.Select(InteractionService.ToDto).ToList(), total, request.Limit, request.Offset, exact);
    }
}
