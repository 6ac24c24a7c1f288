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
    /// <summary>
    /// The most leads one export request may ask for with <c>limit</c>: the rows one import accepts, so a page of an
    /// export always imports back. Without <c>limit</c> the export has every matching lead.
    /// </summary>
    public const int MaxLimit = LeadImportService.MaxRows;

    /// <summary>The columns an export has when <c>select</c> does not name them, in this order.</summary>
    public static readonly string[] Columns =
        ["id", "name", "email", "phone", "company", "source", "owner_id", "owner_name", "priority", "value", "currency", "stage_id", "status",
         "lost_reason", "score", "tags", "expected_close_date", "utm_source", "utm_medium", "utm_campaign", "created_at", "updated_at"];

    /// <summary>
    /// Every field of a lead as the API names it (<see cref="LeadDto"/>), as a CSV cell: amounts in the workspace's culture,
    /// dates ISO 8601, lists joined by commas, objects as JSON. <c>select=*</c> exports them all in this order.
    /// </summary>
    private static readonly (string Name, Func<LeadDto, NumberFormatInfo, object?> Cell)[] Cells =
    [
        ("id", (l, _) => l.Id), ("name", (l, _) => l.Name), ("email", (l, _) => l.Email), ("phone", (l, _) => l.Phone), ("phone_raw", (l, _) => l.PhoneRaw),
        ("whatsapp_id", (l, _) => l.WhatsappId), ("company", (l, _) => l.Company), ("source", (l, _) => SnakeEnum.ToText(l.Source)),
        ("sources", (l, _) => string.Join(",", l.Sources)), ("utm_source", (l, _) => l.UtmSource), ("utm_medium", (l, _) => l.UtmMedium),
        ("utm_campaign", (l, _) => l.UtmCampaign), ("utm_term", (l, _) => l.UtmTerm), ("utm_content", (l, _) => l.UtmContent),
        ("owner_id", (l, _) => l.OwnerId), ("owner_name", (l, _) => l.OwnerName), ("priority", (l, _) => SnakeEnum.ToText(l.Priority)),
        ("value", (l, amounts) => l.Value.ToString(amounts)), ("currency", (l, _) => l.Currency), ("expected_close_date", (l, _) => l.ExpectedCloseDate?.ToString("yyyy-MM-dd")),
        ("score", (l, _) => l.Score), ("score_breakdown", (l, _) => JsonSerializer.Serialize(l.ScoreBreakdown)), ("tags", (l, _) => string.Join(",", l.Tags)),
        ("custom_fields", (l, _) => l.CustomFields.ValueKind == JsonValueKind.Undefined ? null : l.CustomFields.GetRawText()),
        ("status", (l, _) => SnakeEnum.ToText(l.Status)), ("lost_reason", (l, _) => l.LostReason), ("pipeline_id", (l, _) => l.PipelineId),
        ("stage_id", (l, _) => l.StageId), ("position", (l, _) => l.Position.ToString(CultureInfo.InvariantCulture)),
        ("stage_entered_at", (l, _) => l.StageEnteredAt.ToString("O")), ("last_interaction_at", (l, _) => l.LastInteractionAt?.ToString("O")),
        ("interaction_count", (l, _) => l.InteractionCount), ("version", (l, _) => l.Version), ("created_at", (l, _) => l.CreatedAt.ToString("O")),
        ("updated_at", (l, _) => l.UpdatedAt.ToString("O")), ("is_rotting", (l, _) => l.IsRotting ? "true" : "false"), ("days_in_stage", (l, _) => l.DaysInStage),
        ("next_activity", (l, _) => l.NextActivity is null ? null : JsonSerializer.Serialize(l.NextActivity, NextActivityJson)),
    ];

    private static readonly JsonSerializerOptions NextActivityJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The fields <c>select</c> may name: every field of a lead, as the list API names them.</summary>
    public static readonly IReadOnlySet<string> Selectable = Cells.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Writes the header and the matching leads to <paramref name="output"/>; returns the number of leads. Everything the
    /// list API would refuse (filters, order, <c>select</c>, <c>limit</c> of 1 to <see cref="MaxLimit"/>, <c>offset</c>)
    /// is checked, and the first batch read, before the first byte is written, so bad input is a
    /// <see cref="Common.ValidationException"/> the caller can still answer with 400 (not a 200 cut off halfway).
    /// </summary>
    public async Task<int> WriteCsvAsync(LeadExportRequest export, Stream output, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsExport, ct);
        var columns = Validate(export);
        string culture;
        await using (var settingsDb = await dbFactory.CreateDbContextAsync(ct))
            culture = (await settingsDb.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstOrDefaultAsync(ct))?.Culture ?? "pt-BR";
        var decimalComma = CultureInfo.GetCultureInfo(culture).NumberFormat.NumberDecimalSeparator == ",";
        var separator = export.Delimiter ?? (decimalComma ? ';' : ',');
        var amounts = decimalComma ? new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "" } : NumberFormatInfo.InvariantInfo;
        var count = 0;
        var request = export.List with { Limit = export.Limit ?? int.MaxValue };
        await using var leads = query.StreamAsync(request, ct).GetAsyncEnumerator(ct);
        var more = await leads.MoveNextAsync();
        await using (var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = separator.ToString() }))
        {
            foreach (var (name, _) in columns) csv.WriteField(name);
            await csv.NextRecordAsync();
            for (; more; more = await leads.MoveNextAsync())
            {
                foreach (var (_, cell) in columns) csv.WriteField(CsvFormulaGuard.Neutralise(cell(leads.Current, amounts)?.ToString()));
                await csv.NextRecordAsync();
                if (++count % 500 == 0) await csv.FlushAsync();
            }
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditLogs.Add(new AuditLog
        {
            TenantId = tenantId, OccurredAt = time.GetUtcNow().UtcDateTime, ActorType = access.User.ActorType(), ActorId = access.User.ApiKeyId ?? access.User.UserId,
            ActorName = access.User.DisplayName, Entity = "Lead", EntityId = Guid.Empty, Action = "export", CorrelationId = access.User.CorrelationId,
            Changes = JsonSerializer.Serialize(new
            {
                format = "csv", rows = count, filters = export.List.Filters.Select(Common.Filtering.FilterGrammar.Format), q = export.List.Q,
                columns = columns.Select(c => c.Name), limit = export.Limit, offset = export.List.Offset,
            }),
        });
        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>The request's own parameters checked as the list API checks them (same fields, same messages); the columns to write.</summary>
    private static List<(string Name, Func<LeadDto, NumberFormatInfo, object?> Cell)> Validate(LeadExportRequest export)
    {
        new Common.Validator()
            .When(export.Delimiter is not (null or ';' or ','), "delimiter", "must be ';' or ','.")
            .When(export.Limit is < 1 or > MaxLimit, "limit", $"must be between 1 and {MaxLimit}.")
            .When(export.List.Offset < 0, "offset", "must be zero or more.")
            .ThrowIfInvalid();
        if (export.Select is null) return Columns.Select(name => Cells.First(c => c.Name == name)).ToList();
        if (export.Select.Contains("*")) return [.. Cells];
        var unknown = export.Select.Where(f => !Selectable.Contains(f)).ToList();
        if (unknown.Count > 0) throw new Common.ValidationException("select", $"Unknown fields: {string.Join(", ", unknown)}.");
        return export.Select.Distinct().Select(name => Cells.First(c => c.Name == name)).ToList();
    }
}
