using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Leads;

/// <summary>Case- and accent-insensitive text search over leads: what is stored and what is looked for are folded alike.</summary>
public static class LeadSearch
{
    /// <summary>Lower case without diacritics ("ÉRICA Gonçalves" → "erica goncalves"); parts joined by a line break.</summary>
    public static string Fold(params string?[] parts) =>
        UnicodeText.Fold(string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p))));

    /// <summary>
    /// Fills the search text of leads stored before it existed (the column starts empty); a no-op once done. Returns how
    /// many leads it filled.
    /// </summary>
    public static async Task<int> BackfillAsync(CrmDbContext db, CancellationToken ct = default)
    {
        var filled = 0;
        while (true)
        {
            var batch = await db.Leads.IgnoreQueryFilters().AsNoTracking().Where(l => l.SearchText == "")
                .OrderBy(l => l.Id).Select(l => new { l.Id, l.Name, l.Company, l.EmailNormalized }).Take(1000).ToListAsync(ct);
            if (batch.Count == 0) return filled;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var lead in batch)
            {
                var text = Fold(lead.Name, lead.Company, lead.EmailNormalized);
                await db.Leads.IgnoreQueryFilters().Where(l => l.Id == lead.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.SearchText, text.Length == 0 ? " " : text), ct);
            }
            await transaction.CommitAsync(ct);
            filled += batch.Count;
        }
    }
}
