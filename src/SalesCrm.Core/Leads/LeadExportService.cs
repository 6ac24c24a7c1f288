using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Audit;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;

namespace SalesCrm.Core.Leads;

/// <summary>Streams the leads matching a list request as CSV and records the export in the audit log (LGPD).</summary>
/// <remarks>
/// UTF-8 with a byte-order mark (Excel then shows accents right). The separator follows the workspace's culture unless the
/// caller names one: where the decimal separator is a comma (pt-BR, es) Excel splits on <c>;</c> and reads <c>1234,56</c>
/// as a number, so such workspaces get <c>;</c>; amounts are written in the culture (<c>1234,56</c> or <c>1234.56</c>, quoted when the
/// separator is the same character) so the workspace's import reads them back whatever the separator.
/// Either way the import reads the file back (it detects the separator and reads amounts in the workspace's culture).
/// Cells that a spreadsheet would run as a formula are neutralised (<see cref="CsvFormulaGuard"/>); the import undoes it,
/// so an export imports back unchanged.
/// </remarks>
public sealed class LeadExportService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadQuery query, TimeProvider time)
{
    public static readonly string[] Columns =
        ["id", "name", "email", "phone", "company", "source", "owner_id", "owner_name", "priority", "value", "currency", "stage_id", "status",
         "lost_reason", "score", "tags", "expected_close_date", "utm_source", "utm_medium", "utm_campaign", "created_at", "updated_at"];

    /// <summary>
    /// Writes the header and every matching lead to <paramref name="output"/>; returns the number of leads. The filters and
    /// order are checked and the first batch read before the first byte is written, so a bad filter is a
    /// <see cref="Common.ValidationException"/> the caller can still answer with 400 (not a 200 cut off halfway).
    /// </summary>
    /// <param name="delimiter"><c>;</c> or <c>,</c>; null for the workspace culture's (see remarks).</param>
    public async Task<int> WriteCsvAsync(LeadListRequest request, Stream output, char? delimiter = null, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsExport, ct);
        if (delimiter is not (null or ';' or ',')) throw new Common.ValidationException("delimiter", "must be ';' or ','.");
        string culture;
        await using (var settingsDb = await dbFactory.CreateDbContextAsync(ct))
            culture = (await settingsDb.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct))?.Culture ?? "pt-BR";
        var decimalComma = CultureInfo.GetCultureInfo(culture).NumberFormat.NumberDecimalSeparator == ",";
        var separator = delimiter ?? (decimalComma ? ';' : ',');
        var amounts = decimalComma ? new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "" } : NumberFormatInfo.InvariantInfo;
        var count = 0;
        await using var leads = query.StreamAsync(request, ct).GetAsyncEnumerator(ct);
        var more = await leads.MoveNextAsync();
        await using (var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = separator.ToString() }))
        {
            foreach (var column in Columns) csv.WriteField(column);
            await csv.NextRecordAsync();
            for (; more; more = await leads.MoveNextAsync())
            {
                var l = leads.Current;
                object?[] fields =
                [
                    l.Id, l.Name, l.Email, l.Phone, l.Company, SnakeEnum.ToText(l.Source), l.OwnerId, l.OwnerName, SnakeEnum.ToText(l.Priority),
                    l.Value.ToString(amounts), l.Currency, l.StageId, SnakeEnum.ToText(l.Status), l.LostReason, l.Score,
                    string.Join(",", l.Tags), l.ExpectedCloseDate?.ToString("yyyy-MM-dd"), l.UtmSource, l.UtmMedium, l.UtmCampaign,
                    l.CreatedAt.ToString("O"), l.UpdatedAt.ToString("O"),
                ];
                foreach (var field in fields) csv.WriteField(CsvFormulaGuard.Neutralise(field?.ToString()));
                await csv.NextRecordAsync();
                if (++count % 500 == 0) await csv.FlushAsync();
            }
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditLogs.Add(new AuditLog
        {
            TenantId = tenantId, OccurredAt = time.GetUtcNow().UtcDateTime, ActorType = access.User.ActorType(), ActorId = access.User.ApiKeyId ?? access.User.UserId,
            ActorName = access.User.DisplayName, Entity = "Lead", EntityId = Guid.Empty, Action = "export", CorrelationId = access.User.CorrelationId,
            Changes = JsonSerializer.Serialize(new { format = "csv", rows = count, filters = request.Filters.Select(Common.Filtering.FilterGrammar.Format), q = request.Q }),
        });
        await db.SaveChangesAsync(ct);
        return count;
    }
}
