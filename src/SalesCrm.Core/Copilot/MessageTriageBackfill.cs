using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Triages inbound messages stored before triage existed (or seeded without it) with the offline rules, in batches, across
/// every workspace. Runs once at startup in the background; the chat model is not asked (a backlog would cost minutes
/// and money), so those messages say <c>lexicon</c>.
/// </summary>
public sealed class MessageTriageBackfill(IDbContextFactory<CrmDbContext> dbFactory)
{
    public const int BatchSize = 500;

    /// <summary>Triages every inbound message with text and no triage; returns how many it triaged.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var batch = await db.Messages.IgnoreQueryFilters()
                .Where(m => m.Direction == MessageDirection.Inbound && m.Sentiment == null && m.Text != null && m.Text != "")
                .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return total;
            foreach (var message in batch) MessageTriageService.Apply(message, LexiconTriage.Analyze(message.Text));
            await db.SaveChangesAsync(ct);
            total += batch.Count;
        }
    }
}
