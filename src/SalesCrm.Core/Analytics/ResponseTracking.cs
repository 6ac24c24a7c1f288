using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// Keeps <see cref="LeadResponse"/> current as contacts happen, in the caller's unit of work: a new lead and an inbound
/// WhatsApp message open a wait, the first outbound contact after them closes it. The caller saves.
/// </summary>
public static class ResponseTracking
{
    /// <summary>The timeline entries that answer a customer: a WhatsApp message sent, a call or an e-mail.</summary>
    public static readonly IReadOnlySet<InteractionType> ReplyTypes = new HashSet<InteractionType> { InteractionType.Whatsapp, InteractionType.Call, InteractionType.Email };

    /// <summary>Opens a wait of <paramref name="kind"/> for <paramref name="lead"/> since <paramref name="since"/> (UTC).</summary>
    public static void Await(CrmDbContext db, Lead lead, ResponseKind kind, DateTime since) =>
        db.LeadResponses.Add(new LeadResponse { TenantId = lead.TenantId, LeadId = lead.Id, Kind = kind, WaitingSince = since });

    /// <summary>An inbound message at <paramref name="at"/>: opens a wait unless the customer is already waiting (the first unanswered message counts).</summary>
    public static async Task InboundAsync(CrmDbContext db, Lead lead, DateTime at, CancellationToken ct)
    {
        if (db.LeadResponses.Local.Any(r => r.LeadId == lead.Id && r.Kind == ResponseKind.Inbound && r.RespondedAt == null)) return;
        if (await db.LeadResponses.AnyAsync(r => r.LeadId == lead.Id && r.Kind == ResponseKind.Inbound && r.RespondedAt == null, ct)) return;
        Await(db, lead, ResponseKind.Inbound, at);
    }

    /// <summary>
    /// A timeline entry written by the team: a WhatsApp message, call or e-mail (<see cref="ReplyTypes"/>) closes every
    /// wait of its lead that began before it, as answered by its author; other types change nothing.
    /// </summary>
    public static async Task AnsweredAsync(CrmDbContext db, Interaction contact, CancellationToken ct)
    {
        if (!ReplyTypes.Contains(contact.Type)) return;
        await db.LeadResponses.Where(r => r.LeadId == contact.LeadId && r.RespondedAt == null && r.WaitingSince <= contact.OccurredAt).LoadAsync(ct);
        foreach (var wait in db.LeadResponses.Local.Where(r => r.LeadId == contact.LeadId && r.RespondedAt == null && r.WaitingSince <= contact.OccurredAt).ToList())
            Close(wait, contact);
    }

    /// <summary>
    /// The waits a lead's finished timeline implies, by the rules above: one from its creation, one from each inbound WhatsApp
    /// entry (no author) that finds none open, each closed by the next entry of <see cref="ReplyTypes"/> with an author. For
    /// generated data (demo, benchmarks) written without the live services.
    /// </summary>
    public static IReadOnlyList<LeadResponse> Replay(Lead lead, IEnumerable<Interaction> timeline)
    {
        var waits = new List<LeadResponse> { new() { TenantId = lead.TenantId, LeadId = lead.Id, Kind = ResponseKind.FirstContact, WaitingSince = lead.CreatedAt } };
        foreach (var entry in timeline.OrderBy(i => i.OccurredAt))
        {
            if (entry.Type == InteractionType.Whatsapp && entry.AuthorId is null)
            {
                if (!waits.Any(w => w.Kind == ResponseKind.Inbound && w.RespondedAt is null))
                    waits.Add(new LeadResponse { TenantId = lead.TenantId, LeadId = lead.Id, Kind = ResponseKind.Inbound, WaitingSince = entry.OccurredAt });
            }
            else if (ReplyTypes.Contains(entry.Type) && entry.AuthorId is not null)
            {
                foreach (var wait in waits.Where(w => w.RespondedAt is null && w.WaitingSince <= entry.OccurredAt)) Close(wait, entry);
            }
        }
        return waits;
    }

    private static void Close(LeadResponse wait, Interaction contact)
    {
        wait.RespondedAt = contact.OccurredAt;
        wait.ResponderId = contact.AuthorId;
        wait.Channel = SnakeEnum.ToText(contact.Type);
        wait.Seconds = (long)(contact.OccurredAt - wait.WaitingSince).TotalSeconds;
    }
}
