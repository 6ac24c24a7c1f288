using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Analytics;

/// <summary>A deleted lead leaves the reports: its stage history and reply waits go with it, in the caller's unit of work.</summary>
public static class AnalyticsRows
{
    /// <summary>Marks <paramref name="leadId"/>'s history and waits for removal; the caller saves with the delete.</summary>
    public static async Task ForgetLeadAsync(CrmDbContext db, Guid leadId, CancellationToken ct)
    {
        db.LeadStageHistory.RemoveRange(await db.LeadStageHistory.Where(h => h.LeadId == leadId).ToListAsync(ct));
        db.LeadResponses.RemoveRange(await db.LeadResponses.Where(r => r.LeadId == leadId).ToListAsync(ct));
    }
}
