using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Email;

/// <summary>The e-mail outbox as people read it: what was sent, or kept as not sent, to a lead.</summary>
public sealed class EmailService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery leads)
{
    /// <summary>The e-mails of the leads the member may see (all, or only their own), newest first; <paramref name="leadId"/> narrows to one lead.</summary>
    public async Task<Paged<EmailDto>> ListAsync(Guid? leadId, PageRequest page, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.LeadsRead, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<EmailMessage>().AsNoTracking();
        if (await access.GetVisibilityAsync(ct) == VisibilityScope.Own)
        {
            // Own visibility: e-mails of the member's leads only (none sent to an address without a lead).
            var visible = await leads.VisibleAsync(db, ct);
            query = query.Where(m => m.LeadId != null && visible.Any(l => l.Id == m.LeadId));
        }
        if (leadId is { } lead) query = query.Where(m => m.LeadId == lead);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(page.Offset).Take(page.Limit).ToListAsync(ct);
        return new Paged<EmailDto>(rows.Select(EmailDto.From).ToList(), total, page.Limit, page.Offset);
    }
}
