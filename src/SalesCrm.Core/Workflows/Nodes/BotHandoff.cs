using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Activities;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Workflows.Nodes;

/// <summary>
/// Hands a lead's WhatsApp conversation from the bot to a person: picks the member (<see cref="HandoffRequest"/>), assigns
/// the lead through <see cref="LeadService.AssignAsync"/> (events, history), gives them a task due now through
/// <see cref="ActivityService"/> — the app's to-do list is where a rep is told — and opens a <see cref="ConversationHandoff"/>
/// so every bot path stays silent for the lead (<see cref="BotConversations"/>). Used by the <c>handoff</c> node and by
/// ask/AI nodes when the lead asks for a person.
/// </summary>
public sealed class BotHandoff(IDbContextFactory<CrmDbContext> dbFactory, LeadService leads, ActivityService activities, TimeProvider time)
{
    /// <summary>
    /// Hands off and returns the member assigned (null when the workspace has nobody to assign). Done once per run: a
    /// retried step finds the run's open hand-off and returns its member without assigning or notifying again.
    /// </summary>
    public async Task<Guid?> HandOffAsync(HandoffRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var earlier = await db.ConversationHandoffs.AsNoTracking().FirstOrDefaultAsync(h => h.LeadId == request.LeadId && h.RunId == request.RunId && h.ReleasedAt == null, ct);
        if (earlier is not null) return earlier.AssignedTo;
        var lead = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == request.LeadId, ct) ?? throw new Common.NotFoundException("Lead", request.LeadId);
        var now = time.GetUtcNow().UtcDateTime;
        var assignee = await PickAsync(db, request, lead.OwnerId, now, ct);
        if (assignee is { } user && user != lead.OwnerId) await leads.AssignAsync(lead.Id, user, ct: ct);
        if (assignee is not null && request.Notify)
            await activities.CreateAsync(new ActivityInput(lead.Id, ActivityType.FollowUp, Clip($"WhatsApp: atender {lead.Name} (bot)"), now, assignee,
                "O bot passou a conversa no WhatsApp para você."), ct: ct);
        db.ConversationHandoffs.Add(new ConversationHandoff { LeadId = lead.Id, AssignedTo = assignee, RunId = request.RunId, Reason = request.Reason, HandedOffAt = now });
        await db.SaveChangesAsync(ct);
        return assignee;
    }

    private static async Task<Guid?> PickAsync(CrmDbContext db, HandoffRequest request, Guid? owner, DateTime now, CancellationToken ct)
    {
        if (request.Rule == "user" && request.UserId is { } given && await db.Memberships.AnyAsync(m => m.UserId == given, ct)) return given;
        if (request.Rule == "owner" && owner is not null) return owner;
        // The same rotation as new leads: the member who waited longest gets the next one.
        return await RoundRobinAssigner.NextAsync(db, request.Role ?? SystemRoles.SalesRep, now, ct) ?? owner;
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200];
}
