using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Messaging;

/// <summary>Whether a person or the bot handles a lead's WhatsApp conversation, and giving it back to the bot.</summary>
public sealed class ConversationHandoffService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads, TimeProvider time)
{
    /// <summary>True while a person handles the lead's conversation (an open hand-off). 404 for a lead the reader cannot see.</summary>
    public async Task<bool> IsHandledByHumanAsync(Guid leadId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await (await leads.VisibleAsync(db, ct)).AnyAsync(l => l.Id == leadId, ct)) throw new NotFoundException("Lead", leadId);
        return await BotConversations.IsHandledByHumanAsync(db, leadId, ct);
    }

    /// <summary>Gives the conversation back to the bot: closes its open hand-offs and returns how many there were (0 when none).</summary>
    public async Task<int> ReleaseAsync(Guid leadId, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await (await leads.VisibleAsync(db, ct)).AnyAsync(l => l.Id == leadId, ct)) throw new NotFoundException("Lead", leadId);
        var open = await db.ConversationHandoffs.Where(h => h.LeadId == leadId && h.ReleasedAt == null).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var handoff in open) handoff.ReleasedAt = now;
        await db.SaveChangesAsync(ct);
        return open.Count;
    }
}
