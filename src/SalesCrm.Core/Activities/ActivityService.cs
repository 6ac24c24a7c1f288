using SalesCrm.Core.Analytics;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Activities;

public sealed record ActivityDto(Guid Id, Guid LeadId, string LeadName, ActivityType Type, string Title, DateTime DueAt, Guid? AssigneeId,
    string? Notes, bool Done, DateTime? DoneAt, bool Overdue);

public sealed record ActivityInput(Guid? LeadId, ActivityType? Type, string? Title, DateTime? DueAt, Guid? AssigneeId = null, string? Notes = null);

public sealed record ActivityPatch(bool? Done = null, DateTime? DueAt = null, string? Title = null, Guid? AssigneeId = null, string? Notes = null, ActivityType? Type = null);

/// <summary>Which activities a to-do list shows.</summary>
public enum ActivityWindow { All, Today, Overdue, Upcoming }

/// <summary>The reps' to-do list. Completing an activity logs it on the lead's timeline.</summary>
public sealed class ActivityService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, ICrmEventBus bus, TimeProvider time)
{
    /// <summary>Open activities in a window (today / overdue / upcoming), for one assignee ("mine") or a lead.</summary>
    public async Task<Paged<ActivityDto>> ListAsync(ActivityWindow window, Guid? assigneeId, Guid? leadId, bool includeDone, PageRequest page, TimeZoneInfo zone, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        page.Normalize();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await WindowAsync(db, window, assigneeId, leadId, includeDone, zone, now, ct);
        var total = await q.CountAsync(ct);
        return new Paged<ActivityDto>(await PageAsync(db, q, page.Offset, page.Limit, now, ct), total, page.Limit, page.Offset);
    }

    /// <summary>
    /// An assignee's open activities in a window for a summary: the first <paramref name="take"/> by due time, and how
    /// many there are counted up to <paramref name="cap"/>.
    /// </summary>
    public async Task<TopItems<ActivityDto>> TopAsync(ActivityWindow window, Guid? assigneeId, int take, int cap, TimeZoneInfo zone, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await WindowAsync(db, window, assigneeId, null, false, zone, now, ct);
        var (count, capped) = await TopItems<Activity>.CountAsync(q, cap, db.Database, ct);
        return new TopItems<ActivityDto>(count, await PageAsync(db, q, 0, take, now, ct), capped);
    }

    /// <summary>The activities of visible leads in a window; "today" is the day in <paramref name="zone"/>.</summary>
    private async Task<IQueryable<Activity>> WindowAsync(CrmDbContext db, ActivityWindow window, Guid? assigneeId, Guid? leadId, bool includeDone, TimeZoneInfo zone,
        DateTime now, CancellationToken ct)
    {
        var localToday = TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date;
        var startOfToday = TimeZoneInfo.ConvertTimeToUtc(localToday, zone);
        var endOfToday = TimeZoneInfo.ConvertTimeToUtc(localToday.AddDays(1), zone);
        var visible = await leads.VisibleAsync(db, ct);
        var q = db.Activities.AsNoTracking().Where(a => visible.Any(l => l.Id == a.LeadId));
        if (assigneeId is { } who) q = q.Where(a => a.AssigneeId == who);
        if (leadId is { } lead) q = q.Where(a => a.LeadId == lead);
        // Compared with a parameter: "NOT Done" is no index condition on SQLite, and the (tenant, assignee, done, due)
        // index then served neither the filter nor the order (every activity the assignee ever had was read and sorted).
        var open = false;
        if (!includeDone) q = q.Where(a => a.Done == open);
        return window switch
        {
            ActivityWindow.Today => q.Where(a => a.DueAt >= startOfToday && a.DueAt < endOfToday),
            ActivityWindow.Overdue => q.Where(a => a.DueAt < now && a.Done == open),
            ActivityWindow.Upcoming => q.Where(a => a.DueAt >= endOfToday),
            _ => q,
        };
    }

    private static async Task<IReadOnlyList<ActivityDto>> PageAsync(CrmDbContext db, IQueryable<Activity> q, int offset, int limit, DateTime now, CancellationToken ct)
    {
        var rows = await q.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Skip(offset).Take(limit)
            .Select(a => new { a, LeadName = db.Leads.Where(l => l.Id == a.LeadId).Select(l => l.Name).FirstOrDefault() }).ToListAsync(ct);
        return rows.Select(r => ToDto(r.a, r.LeadName ?? "", now)).ToList();
    }

    /// <summary>
    /// Creates an activity. <paramref name="workflowStepKey"/>: the creating workflow step's idempotency key, stored on the
    /// row; a step resumed after a crash (the activity committed, the step row not) gets the activity it already created.
    /// </summary>
    public async Task<ActivityDto> CreateAsync(ActivityInput input, string? workflowStepKey = null, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var now = time.GetUtcNow().UtcDateTime;
        new Validator()
            .When(input.LeadId is null, "lead_id", "is required.")
            .Require("title", input.Title, 200)
            .When(input.DueAt is null, "due_at", "is required.")
            .When(input.Notes is { Length: > 5000 }, "notes", "must be at most 5000 characters.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await (await leads.VisibleAsync(db, ct)).FirstOrDefaultAsync(l => l.Id == input.LeadId, ct) ?? throw new ValidationException("lead_id", "does not name a lead you can see.");
        var assignee = input.AssigneeId ?? access.User.UserId ?? lead.OwnerId;
        if (assignee is not null && !await db.Memberships.AnyAsync(m => m.UserId == assignee, ct)) throw new ValidationException("assignee_id", "is not a member of this tenant.");
        if (workflowStepKey is not null && await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.WorkflowStepKey == workflowStepKey, ct) is { } created)
            return ToDto(created, lead.Name, now);
        var activity = new Activity
        {
            TenantId = tenantId, LeadId = lead.Id, Type = input.Type ?? ActivityType.Task, Title = input.Title!.Trim(), DueAt = input.DueAt!.Value.ToUniversalTime(),
            AssigneeId = assignee, Notes = input.Notes, CreatedAt = now, WorkflowStepKey = workflowStepKey,
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return ToDto(activity, lead.Name, now);
    }

    /// <summary>Completes, reopens or reschedules an activity. Completing writes an interaction on the lead.</summary>
    public async Task<ActivityDto> UpdateAsync(Guid id, ActivityPatch patch, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (patch.Title is not null) new Validator().Require("title", patch.Title, 200).ThrowIfInvalid();
        // Completing writes the lead too: another writer of the same lead may win its version first, so save again.
        return await ConcurrencyRetry.RunAsync(token => UpdateOnceAsync(tenantId, id, patch, now, token), ct);
    }

    private async Task<ActivityDto> UpdateOnceAsync(Guid tenantId, Guid id, ActivityPatch patch, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await leads.VisibleAsync(db, ct);
        var activity = await db.Activities.Where(a => visible.Any(l => l.Id == a.LeadId)).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Activity", id);
        var lead = await db.Leads.FirstAsync(l => l.Id == activity.LeadId, ct);
        if (patch.Title is not null) activity.Title = patch.Title.Trim();
        if (patch.DueAt is { } due) activity.DueAt = due.ToUniversalTime();
        if (patch.Notes is not null) activity.Notes = patch.Notes;
        if (patch.Type is { } type) activity.Type = type;
        if (patch.AssigneeId is { } assignee)
        {
            if (!await db.Memberships.AnyAsync(m => m.UserId == assignee, ct)) throw new ValidationException("assignee_id", "is not a member of this tenant.");
            activity.AssigneeId = assignee;
        }
        var events = new List<CrmEvent>();
        if (patch.Done is { } done && done != activity.Done)
        {
            activity.Done = done;
            activity.DoneAt = done ? now : null;
            if (done)
            {
                var interaction = new Interaction
                {
                    TenantId = tenantId, LeadId = lead.Id, AuthorId = access.User.UserId, AuthorName = access.User.DisplayName, OccurredAt = now, CreatedAt = now,
                    Type = activity.Type switch { ActivityType.Call => InteractionType.Call, ActivityType.Meeting => InteractionType.Meeting, _ => InteractionType.Note },
                    Text = string.IsNullOrWhiteSpace(activity.Notes) ? $"✔ {activity.Title}" : $"✔ {activity.Title}\n{activity.Notes}",
                };
                db.Interactions.Add(interaction);
                await InteractionService.ApplyToLeadAsync(db, lead, interaction, now, ct);
                await ResponseTracking.AnsweredAsync(db, interaction, ct);
                events.Add(db.Record(EventTypes.InteractionCreated, tenantId, lead.Id, new { interaction_id = interaction.Id, lead_id = lead.Id, type = interaction.Type, activity_id = activity.Id, version = lead.Version }, now));
            }
        }
        await db.SaveChangesAsync(ct);
        bus.Publish(events);
        return ToDto(activity, lead.Name, now);
    }

    internal static ActivityDto ToDto(Activity a, string leadName, DateTime now) =>
        new(a.Id, a.LeadId, leadName, a.Type, a.Title, a.DueAt, a.AssigneeId, a.Notes, a.Done, a.DoneAt, !a.Done && a.DueAt < now);
}
