using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Activities;

/// <summary>Activities listed with the PostgREST grammar (the /rest/v1 surface), only on leads the actor may see.</summary>
public sealed class ActivityQuery(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, TimeProvider time)
{
    public static readonly FieldMap<Activity> Fields = new FieldMap<Activity>()
        .Add("id", a => a.Id).Add("lead_id", a => a.LeadId).Add("type", a => a.Type).Add("title", a => a.Title).Add("due_at", a => a.DueAt)
        .Add("assignee_id", a => a.AssigneeId).Add("notes", a => a.Notes).Add("done", a => a.Done).Add("done_at", a => a.DoneAt).Add("created_at", a => a.CreatedAt)
        .Derived("lead_name", "lead_id").Derived("overdue", "due_at=lt.<now>&done=is.false");

    public async Task<Paged<ActivityDto>> ListAsync(ListRequest request, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await leads.VisibleAsync(db, ct);
        var query = db.Activities.AsNoTracking().Where(a => visible.Any(l => l.Id == a.LeadId));
        var (rows, total, exact) = await FilteredList.RunAsync(db, query, Fields, request, new SortKey("due_at", false), a => a.Id, ct: ct);
        var leadIds = rows.Select(a => a.LeadId).Distinct().ToList();
        var names = await db.Leads.Where(l => leadIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var now = time.GetUtcNow().UtcDateTime;
        return new Paged<ActivityDto>(rows.Select(a => ActivityService.ToDto(a, names.GetValueOrDefault(a.LeadId, ""), now)).ToList(), total, request.Limit, request.Offset, exact);
    }
}
