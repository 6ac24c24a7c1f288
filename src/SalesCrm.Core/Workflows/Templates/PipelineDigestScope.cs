using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Workflows.Templates;

/// <summary>
/// For runs about no lead (a schedule or a webhook fired them), puts the default pipeline's digest under
/// <c>workspace.pipeline</c> (<c>name</c>, <c>summary</c> — one line per open stage —, <c>open_count</c>, <c>open_value</c>,
/// <c>new_leads_7d</c>, <c>won_count_7d</c>, <c>won_value_7d</c>, <c>lost_count_7d</c>, <c>generated_at</c>, <c>stages[]</c>) and
/// the owners', admins' and managers' addresses under <c>workspace.managers_emails</c>. Runs about a lead skip it: they
/// never pay for it.
/// </summary>
public sealed class PipelineDigestScope(TimeProvider time) : IWorkflowScopeContributor
{
    private static readonly string[] ManagerRoles = [SystemRoles.Owner, SystemRoles.Admin, SystemRoles.Manager];

    public async Task ContributeAsync(CrmDbContext db, WorkflowRun run, JsonObject workspace, CancellationToken ct)
    {
        if (run.LeadId is not null) return;
        var tenantId = run.TenantId;
        var culture = CultureInfo.GetCultureInfo((string?)workspace["culture"] ?? "pt-BR");
        var currency = (string?)workspace["currency"] ?? "BRL";
        var now = time.GetUtcNow().UtcDateTime;
        var weekAgo = now.AddDays(-7);

        var managers = await db.Memberships.IgnoreQueryFilters().Where(m => m.TenantId == tenantId && ManagerRoles.Contains(m.Role!.Key!))
            .OrderBy(m => m.CreatedAt).Select(m => m.User!.Email).ToListAsync(ct);
        workspace["managers_emails"] = string.Join(", ", managers.Where(e => !string.IsNullOrWhiteSpace(e)));

        var pipeline = await db.Pipelines.IgnoreQueryFilters().AsNoTracking().Include(p => p.Stages)
            .Where(p => p.TenantId == tenantId).OrderByDescending(p => p.IsDefault).ThenBy(p => p.Order).FirstOrDefaultAsync(ct);
        if (pipeline is null) return;
        var leads = db.Leads.IgnoreQueryFilters([CrmDbContext.QueryFilters.Tenant]).Where(l => l.TenantId == tenantId && l.PipelineId == pipeline.Id);
        var open = await leads.Where(l => l.Status == LeadStatus.Open).GroupBy(l => l.StageId)
            .Select(g => new { StageId = g.Key, Count = g.Count(), Cents = g.Sum(l => l.ValueCents) }).ToListAsync(ct);
        var won = await leads.Where(l => l.Status == LeadStatus.Won && l.ClosedAt >= weekAgo).Select(l => l.ValueCents).ToListAsync(ct);
        var lost = await leads.CountAsync(l => l.Status == LeadStatus.Lost && l.ClosedAt >= weekAgo, ct);
        var created = await leads.CountAsync(l => l.CreatedAt >= weekAgo, ct);

        static string Leads(int count) => count == 1 ? "1 lead" : $"{count} leads";
        string Money(long cents) => MoneyText.Format(cents / 100m, currency, culture);
        var stages = new JsonArray();
        var summary = new StringBuilder();
        foreach (var stage in pipeline.Stages.Where(s => s.IsActive && s.Kind == StageKind.Open).OrderBy(s => s.Order))
        {
            var row = open.FirstOrDefault(o => o.StageId == stage.Id);
            var (count, cents) = (row?.Count ?? 0, row?.Cents ?? 0);
            stages.Add(new JsonObject { ["name"] = stage.Name, ["count"] = count, ["value"] = Money(cents) });
            summary.Append(CultureInfo.InvariantCulture, $"• {stage.Name}: {Leads(count)}, {Money(cents)}\n");
        }
        var openCount = open.Sum(o => o.Count);
        var openCents = open.Sum(o => o.Cents);
        summary.Append(CultureInfo.InvariantCulture, $"Total em aberto: {Leads(openCount)}, {Money(openCents)}");
        workspace["pipeline"] = new JsonObject
        {
            ["name"] = pipeline.Name, ["summary"] = summary.ToString(), ["open_count"] = openCount, ["open_value"] = Money(openCents),
            ["new_leads_7d"] = created, ["won_count_7d"] = won.Count, ["won_value_7d"] = Money(won.Sum()), ["lost_count_7d"] = lost,
            ["generated_at"] = now.ToString("O", CultureInfo.InvariantCulture), ["stages"] = stages,
        };
    }
}
