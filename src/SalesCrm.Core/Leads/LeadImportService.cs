using System.Globalization;
using CsvHelper;
using ValidationException = SalesCrm.Core.Common.ValidationException;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Pipelines;

namespace SalesCrm.Core.Leads;

public sealed record ImportRowError(int Row, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>A row imported with something left out, e.g. a phone that is no number (kept as <c>phone_raw</c>), by field.</summary>
public sealed record ImportRowWarning(int Row, IReadOnlyDictionary<string, string[]> Warnings);

/// <summary>
/// What an import did: rows read, leads created, updated (blanks filled) or unchanged, rows refused (<c>Errors</c>), and
/// rows imported with a warning (<c>Warnings</c>; counted in created/updated/unchanged too). Row numbers count the header as 1.
/// </summary>
/// <param name="Encoding">What the file was read as (<c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>UTF-16</c>, <c>Windows-1252</c>).</param>
/// <param name="Delimiter">The field separator found on the header line (<c>;</c>, <c>,</c> or <c>tab</c>).</param>
public sealed record ImportReport(int Total, int Created, int Updated, int Unchanged, int Invalid, IReadOnlyList<ImportRowError> Errors,
    IReadOnlyList<ImportRowWarning> Warnings, string? Encoding = null, string? Delimiter = null);

/// <summary>
/// CSV import with column mapping and a per-row report. Rows are validated first; valid rows are written in one
/// transaction (nothing half-written). A row whose phone or email already exists fills that lead's blanks instead of
/// duplicating it, so uploading the same file twice changes nothing.
/// </summary>
/// <remarks>
/// The file's encoding and delimiter are detected (<see cref="CsvFileDecoder"/>); amounts are read in the workspace's
/// culture (<see cref="MoneyParser"/>); a leading <c>'</c> that our export put before <c>= + - @</c> (CSV-injection
/// neutralising) is removed, so an exported file imports back unchanged.
/// </remarks>
public sealed class LeadImportService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, ICrmEventBus bus, TimeProvider time)
{
    public const int MaxRows = 10_000;

    public static readonly IReadOnlyList<string> TargetFields =
        ["name", "email", "phone", "company", "source", "value", "currency", "priority", "tags", "owner_email", "stage", "expected_close_date",
         "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];

    public async Task<ImportReport> ImportAsync(Stream csv, IReadOnlyDictionary<string, string>? mapping, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var unknownTargets = mapping?.Values.Where(v => !TargetFields.Contains(v)).ToList() ?? [];
        if (unknownTargets.Count > 0) throw new ValidationException("mapping", $"Unknown target fields: {string.Join(", ", unknownTargets)}. Use: {string.Join(", ", TargetFields)}.");

        var (rows, file) = await ReadRowsAsync(csv, mapping, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstAsync(ct);
        var pipeline = await db.Pipelines.AsNoTracking().Include(p => p.Stages).OrderByDescending(p => p.IsDefault).ThenBy(p => p.Order).FirstAsync(ct);
        var firstStage = pipeline.Stages.Where(s => s.IsActive && s.Kind == StageKind.Open).OrderBy(s => s.Order).FirstOrDefault() ?? pipeline.Stages.OrderBy(s => s.Order).First();
        var members = await db.Memberships.Select(m => new { m.UserId, Email = m.User!.NormalizedEmail }).ToListAsync(ct);
        var nextPosition = new Dictionary<Guid, double>();

        var errors = new List<ImportRowError>();
        var warnings = new List<ImportRowWarning>();
        var created = new List<Lead>();
        int updated = 0, unchanged = 0;
        foreach (var (rowNumber, values) in rows)
        {
            var v = new Validator();
            string Field(string key) => values.GetValueOrDefault(key)?.Trim() ?? "";
            var name = Field("name");
            v.Require("name", name, 200);
            var emailText = Field("email");
            if (emailText.Length > 0) v.Email("email", emailText);
            // A phone that is no number does not cost the row its lead: its text is kept as phone_raw, with a warning.
            var phoneReading = ContactNormalizer.TryNormalizePhone(Field("phone"), settings.DefaultRegion) is { } e164 ? new PhoneReading(e164, null)
                : Field("phone").Length > 0 ? PhoneReading.Unreadable(Field("phone")) : PhoneReading.None;
            var phone = phoneReading.E164;
            var source = LeadSource.Import;
            if (Field("source") is { Length: > 0 } s && !SnakeEnum.TryParse(s, out source)) v.Add("source", $"'{s}' is not a source ({string.Join(", ", SnakeEnum.Names<LeadSource>())}).");
            var priority = LeadPriority.Normal;
            if (Field("priority") is { Length: > 0 } p && !SnakeEnum.TryParse(p, out priority)) v.Add("priority", $"'{p}' is not a priority.");
            decimal value = 0;
            if (Field("value") is { Length: > 0 } val && !MoneyParser.TryParse(val, settings.Culture, out value))
                v.Add("value", $"'{val}' is not an amount in {settings.Culture} (e.g. {(MoneyParser.GroupSeparator(settings.Culture) == '.' ? "1.500,00" : "1,500.00")}).");
            else v.When(!LeadService.IsValue(value), "value", LeadService.ValueRangeError);
            DateOnly? close = null;
            if (Field("expected_close_date") is { Length: > 0 } d)
            {
                if (DateOnly.TryParseExact(d, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) close = parsed;
                else v.Add("expected_close_date", $"'{d}' is not a date (yyyy-mm-dd or dd/mm/yyyy).");
            }
            Guid? ownerId = null;
            if (Field("owner_email") is { Length: > 0 } oe)
            {
                ownerId = members.FirstOrDefault(m => m.Email == oe.ToUpperInvariant())?.UserId;
                if (ownerId is null) v.Add("owner_email", $"'{oe}' is not a member of this workspace.");
            }
            var stageName = Field("stage");
            var stage = stageName.Length == 0 ? firstStage : pipeline.Stages.FirstOrDefault(x => string.Equals(x.Name, stageName, StringComparison.OrdinalIgnoreCase));
            if (stage is null) v.Add("stage", $"'{stageName}' is not a stage of {pipeline.Name}.");
            if (!v.IsValid || stage is null)
            {
                errors.Add(new ImportRowError(rowNumber, v.ToException().Errors));
                continue;
            }
            if (phoneReading.Warning is { } phoneWarning) warnings.Add(new ImportRowWarning(rowNumber, new Dictionary<string, string[]> { ["phone"] = [phoneWarning] }));
            var email = ContactNormalizer.NormalizeEmail(emailText);
            var tags = LeadService.NormalizeTags(Field("tags").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var duplicate = created.FirstOrDefault(l => (phone != null && l.Phone == phone) || (email != null && l.EmailNormalized == email))
                            ?? await db.Leads.FirstOrDefaultAsync(l => (phone != null && l.Phone == phone) || (email != null && l.EmailNormalized == email), ct);
            if (duplicate is not null)
            {
                var before = (duplicate.Email, duplicate.Phone, duplicate.PhoneRaw, duplicate.Company, duplicate.ValueCents, duplicate.Tags.Count);
                duplicate.Email ??= LeadService.Blank(emailText);
                duplicate.EmailNormalized ??= email;
                duplicate.Phone ??= phone;
                duplicate.PhoneRaw = duplicate.Phone is null ? duplicate.PhoneRaw ?? phoneReading.Raw : null;
                duplicate.Company ??= LeadService.Blank(Field("company"));
                if (duplicate.ValueCents == 0) duplicate.ValueCents = LeadService.ToCents(value);
                duplicate.Tags = LeadService.NormalizeTags(duplicate.Tags.Concat(tags).ToList());
                if (before == (duplicate.Email, duplicate.Phone, duplicate.PhoneRaw, duplicate.Company, duplicate.ValueCents, duplicate.Tags.Count)) unchanged++;
                else
                {
                    updated++;
                    if (!created.Contains(duplicate)) { duplicate.UpdatedAt = now; duplicate.Version++; }
                }
                continue;
            }
            if (!nextPosition.TryGetValue(stage.Id, out var position))
                position = (await db.Leads.Where(l => l.StageId == stage.Id).MaxAsync(l => (double?)l.Position, ct) ?? 0) + 1;
            nextPosition[stage.Id] = position + 1;
            var lead = new Lead
            {
                TenantId = tenantId, Name = name, Email = LeadService.Blank(emailText), EmailNormalized = email, Phone = phone, PhoneRaw = phoneReading.Raw, Company = LeadService.Blank(Field("company")),
                Source = source, Sources = [SnakeEnum.ToText(source)], Priority = priority, ValueCents = LeadService.ToCents(value),
                Currency = Field("currency") is { Length: 3 } cur ? cur.ToUpperInvariant() : settings.DefaultCurrency, ExpectedCloseDate = close, Tags = tags,
                OwnerId = ownerId ?? access.User.UserId, PipelineId = pipeline.Id, StageId = stage.Id, Status = LeadService.StatusFor(stage.Kind),
                Position = position, StageEnteredAt = now, CreatedAt = now, UpdatedAt = now,
                UtmSource = LeadService.Blank(Field("utm_source")), UtmMedium = LeadService.Blank(Field("utm_medium")), UtmCampaign = LeadService.Blank(Field("utm_campaign")),
                UtmTerm = LeadService.Blank(Field("utm_term")), UtmContent = LeadService.Blank(Field("utm_content")),
            };
            LeadScoring.Apply(lead, stage.Probability, now);
            created.Add(lead);
            db.Leads.Add(lead);
        }
        var events = created.Select(l => db.Record(EventTypes.LeadCreated, tenantId, l.Id, new { lead_id = l.Id, name = l.Name, stage_id = l.StageId, owner_id = l.OwnerId, source = "import", version = l.Version }, now)).ToList();
        await db.SaveChangesAsync(ct);
        bus.Publish(events);
        return new ImportReport(rows.Count, created.Count, updated, unchanged, errors.Count, errors, warnings, file.Encoding, file.Delimiter == '\t' ? "tab" : file.Delimiter.ToString());
    }

    private static async Task<(List<(int Row, Dictionary<string, string> Values)> Rows, DecodedCsv File)> ReadRowsAsync(Stream csv, IReadOnlyDictionary<string, string>? mapping, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        var file = CsvFileDecoder.Decode(buffer.ToArray());
        using var reader = new StringReader(file.Text);
        using var parser = new CsvReader(reader, Configuration(file));
        if (!parser.Read() || !parser.ReadHeader()) throw new ValidationException("file", "has no header row.");
        var headers = parser.HeaderRecord ?? [];
        var columns = headers.Select(h => (Header: h, Target: Target(h, mapping))).ToList();
        if (columns.All(c => c.Target != "name")) throw new ValidationException("mapping", "No column maps to 'name'. Name the column 'name' or map it.");
        var rows = new List<(int, Dictionary<string, string>)>();
        while (parser.Read())
        {
            if (rows.Count >= MaxRows) throw new ValidationException("file", $"has more than {MaxRows} rows; split it.");
            var values = new Dictionary<string, string>();
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Target is { } target && parser.TryGetField<string>(i, out var text) && text is not null) values[target] = CsvFormulaGuard.Restore(text);
            }
            if (values.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add((parser.Parser.Row, values));
        }
        return (rows, file);
    }

    /// <summary>Column titles Brazilian spreadsheets and form tools use, matched without a mapping (lower-case, spaces as <c>_</c>).</summary>
    private static readonly Dictionary<string, string> HeaderAliases = new()
    {
        ["nome"] = "name", ["nome_completo"] = "name", ["full_name"] = "name", ["contato"] = "name", ["e-mail"] = "email",
        ["telefone"] = "phone", ["celular"] = "phone", ["whatsapp"] = "phone", ["phone_number"] = "phone", ["empresa"] = "company", ["origem"] = "source",
        ["valor"] = "value", ["amount"] = "value", ["moeda"] = "currency", ["prioridade"] = "priority", ["etiquetas"] = "tags", ["tag"] = "tags",
        ["etapa"] = "stage", ["responsavel"] = "owner_email", ["responsável"] = "owner_email", ["previsao_de_fechamento"] = "expected_close_date",
        ["previsão_de_fechamento"] = "expected_close_date",
    };

    /// <summary>The target field a column title means without a mapping (<see cref="TargetFields"/> or a usual alias), or null.</summary>
    public static string? SuggestTarget(string header)
    {
        var normalized = header.Trim().ToLowerInvariant().Replace(' ', '_');
        return TargetFields.Contains(normalized) ? normalized : HeaderAliases.GetValueOrDefault(normalized);
    }

    /// <summary>
    /// The column titles of a CSV file, decoded and split exactly as <see cref="ImportAsync"/> will (so a mapping built on
    /// them matches); throws <see cref="ValidationException"/> on <c>file</c> when the file cannot be read faithfully.
    /// </summary>
    public static IReadOnlyList<string> ReadHeaders(byte[] file)
    {
        var decoded = CsvFileDecoder.Decode(file);
        using var reader = new StringReader(decoded.Text);
        using var parser = new CsvReader(reader, Configuration(decoded));
        return parser.Read() && parser.ReadHeader() ? parser.HeaderRecord ?? [] : [];
    }

    private static CsvConfiguration Configuration(DecodedCsv file) => new(CultureInfo.InvariantCulture)
    {
        Delimiter = file.Delimiter.ToString(), BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim,
    };

    private static string? Target(string header, IReadOnlyDictionary<string, string>? mapping) =>
        mapping is not null && mapping.TryGetValue(header, out var mapped) ? mapped : SuggestTarget(header);
}
