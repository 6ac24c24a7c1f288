using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Messaging;

/// <summary>The one question every bot path asks before speaking: is a person handling this lead's conversation?</summary>
public static class BotConversations
{
    /// <summary>True while the lead's conversation has an open <see cref="ConversationHandoff"/> (in the context's tenant).</summary>
    public static Task<bool> IsHandledByHumanAsync(CrmDbContext db, Guid leadId, CancellationToken ct) =>
        db.ConversationHandoffs.AnyAsync(h => h.LeadId == leadId && h.ReleasedAt == null, ct);
}
