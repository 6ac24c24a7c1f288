using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Web.Features.Pipelines;

public static class PipelineDefaults
{
    /// <summary>
    /// Fills the folded search text of leads stored before search used it (see <see cref="LeadSearch.BackfillAsync"/>).
    /// A start-up step, not a migration: the folding is .NET's Unicode decomposition (<c>UnicodeText.Fold</c>), which SQL
    /// on SQLite cannot do and PostgreSQL only with the unaccent extension, whose results differ; a no-op once done.
    /// (Default pipelines for old workspaces moved to the migration DefaultPipelinesForEveryWorkspace, ADR 048.)
    /// </summary>
    public static async Task BackfillLeadSearchAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
        await LeadSearch.BackfillAsync(db, ct);
    }
}
