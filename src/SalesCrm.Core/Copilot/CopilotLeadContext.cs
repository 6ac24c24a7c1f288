using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Copilot;

/// <summary>Reads what the copilot adapts to (<see cref="LeadFacts"/>) for a lead the caller may see.</summary>
public sealed class CopilotLeadContext(LeadQuery leads, TimeProvider time)
{
    private static readonly string[] ProductFields = ["product", "produto", "interesse"];

    /// <summary>The lead's facts; <see cref="NotFoundException"/> for a lead of another workspace or one a rep with visibility <c>own</c> does not own.</summary>
    public async Task<LeadFacts> LoadAsync(CrmDbContext db, Guid leadId, CancellationToken ct)
    {
        var lead = await (await leads.VisibleAsync(db, ct)).AsNoTracking().FirstOrDefaultAsync(l => l.Id == leadId, ct) ?? throw new NotFoundException("Lead", leadId);
        var stage = await db.Stages.AsNoTracking().Where(s => s.Id == lead.StageId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "";
        var variables = await OutboundMessageService.LeadVariablesAsync(db, lead, ct);
        var lastInbound = await db.Messages.AsNoTracking().Where(m => m.LeadId == leadId && m.Direction == MessageDirection.Inbound && m.Text != null)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.StoredAt).Select(m => new { m.Text, m.CreatedAt }).FirstOrDefaultAsync(ct);
        var lastInboundAt = await OutboundMessageService.LastInboundAsync(db, leadId, ct);
        var recent = await db.Interactions.AsNoTracking().Where(i => i.LeadId == leadId && i.Text != null && i.Type != InteractionType.StatusChange)
            .OrderByDescending(i => i.OccurredAt).Take(3).Select(i => i.Text!).ToListAsync(ct);
        return new LeadFacts(lead.Id, lead.Name, lead.StageId, stage, Product(lead.CustomFields), variables.GetValueOrDefault("owner_name"), lastInbound?.Text, recent,
            OutboundMessageService.IsOpen(lastInboundAt, time.GetUtcNow().UtcDateTime), variables);
    }

    private static string? Product(string customFields)
    {
        try
        {
            using var doc = JsonDocument.Parse(customFields);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var property in doc.RootElement.EnumerateObject())
                if (ProductFields.Contains(property.Name.ToLowerInvariant()) && property.Value.ValueKind == JsonValueKind.String) return property.Value.GetString();
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
