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

/// <summary>
/// CSV import with column mapping and a per-row report. Each valid row goes through the same create-or-merge rule as
/// <c>POST /leads</c> (<see cref="LeadService.CaptureAsync"/>), all rows in one transaction (nothing half-written). A row
/// whose phone or email already exists fills that lead's blanks and is logged on it as captured again (with
/// <c>lead.updated</c>) instead of duplicating it, so uploading the same file twice creates and changes no lead fields.
/// A lead without an owner column gets the API's owner: the importing user, or round-robin for an API key.
/// </summary>
/// <remarks>
/// The file's encoding and delimiter are detected (<see cref="CsvFileDecoder"/>); amounts are read in the workspace's
/// culture (<see cref="MoneyParser"/>); a leading <c>'</c> that our export put before <c>= + - @</c> (CSV-injection
/// neutralising) is removed, so an exported file imports back unchanged.
/// </remarks>
public sealed class LeadImportService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadService leads, ICrmEventBus bus)
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
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstAsync(ct);
        var pipeline = await db.Pipelines.AsNoTracking().Include(p => p.Stages).OrderByDescending(p => p.IsDefault).ThenBy(p => p.Order).FirstAsync(ct);
        var firstStage = pipeline.Stages.Where(s => s.IsActive && s.Kind == StageKind.Open).OrderBy(s => s.Order).FirstOrDefault() ?? pipeline.Stages.OrderBy(s => s.Order).First();
        var members = await db.Memberships.Select(m => new { m.UserId, Email = m.User!.NormalizedEmail }).ToListAsync(ct);

        // Every row is saved as the API would save it (LeadService's create-or-merge rule), inside one transaction: a
        // later row sees the leads of earlier ones, and nothing is kept unless the whole file is. Events go out after commit.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LeadCaptureLock.LockWorkspaceAsync(db, tenantId, ct); // no capture of the workspace interleaves with the file's
        var events = new List<CrmEvent>();
        var errors = new List<ImportRowError>();
        var warnings = new List<ImportRowWarning>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var (rowNumber, values) in rows)
        {
            var v = new Validator();
            if (values.TryGetValue(ShiftedRowKey, out var shifted))
            {
                errors.Add(new ImportRowError(rowNumber, new Dictionary<string, string[]> { ["row"] = [shifted] }));
                continue;
            }
            string Field(string key) => values.GetValueOrDefault(key)?.Trim() ?? "";
            string? Optional(string key) => Field(key) is { Length: > 0 } text ? text : null;
            LeadSource? source = null;
            if (Field("source") is { Length: > 0 } s)
            {
                if (SnakeEnum.TryParse<LeadSource>(s, out var parsedSource)) source = parsedSource;
                else v.Add("source", $"'{s}' is not a source ({string.Join(", ", SnakeEnum.Names<LeadSource>())}).");
            }
            LeadPriority? priority = null;
            if (Field("priority") is { Length: > 0 } p)
            {
                if (SnakeEnum.TryParse<LeadPriority>(p, out var parsedPriority)) priority = parsedPriority;
                else v.Add("priority", $"'{p}' is not a priority.");
            }
            decimal? value = null;
            if (Field("value") is { Length: > 0 } val)
            {
                if (MoneyParser.TryParse(val, settings.Culture, out var amount)) value = amount;
                else v.Add("value", $"'{val}' is not an amount in {settings.Culture} (e.g. {(MoneyParser.GroupSeparator(settings.Culture) == '.' ? "1.500,00" : "1,500.00")}).");
            }
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
            var input = new LeadInput
            {
                Name = Field("name"), Email = Optional("email"), Phone = Optional("phone"), Company = Optional("company"), Source = source ?? LeadSource.Import,
                Priority = priority, Value = value, Currency = Field("currency") is { Length: 3 } cur && cur.All(char.IsAsciiLetter) ? cur : null,
                ExpectedCloseDate = close, Tags = Field("tags").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                OwnerId = ownerId, PipelineId = pipeline.Id, StageId = stage?.Id, UtmSource = Optional("utm_source"), UtmMedium = Optional("utm_medium"),
                UtmCampaign = Optional("utm_campaign"), UtmTerm = Optional("utm_term"), UtmContent = Optional("utm_content"),
                // A phone that is no number does not cost the row its lead: its text is kept as phone_raw, with a warning.
                KeepUnreadablePhone = true,
            };
            // The lead rules' own checks (name, email, value range, tags) join the file's in one report line.
            try { LeadService.ValidateCreate(input, settings); }
            catch (ValidationException e) { foreach (var (key, messages) in e.Errors) foreach (var message in messages) v.Add(key, message); }
            if (!v.IsValid)
            {
                errors.Add(new ImportRowError(rowNumber, v.ToException().Errors));
                continue;
            }
            (Lead Lead, bool Merged, bool Changed, PhoneReading Phone) captured;
            try { captured = await leads.CaptureUnpublishedAsync(db, input, events, ct); }
            catch (ConflictException e) when (e.Code == ErrorCodes.DuplicateLead)
            {
                // A rep who sees only their own leads: the row matches someone else's lead, which stays untouched.
                errors.Add(new ImportRowError(rowNumber, new Dictionary<string, string[]> { [input.Phone is null ? "email" : "phone"] = [e.Message] }));
                continue;
            }
            db.ChangeTracker.Clear(); // saved: tracking thousands of rows would make every later save scan them all
            if (captured.Phone.Warning is { } phoneWarning) warnings.Add(new ImportRowWarning(rowNumber, new Dictionary<string, string[]> { ["phone"] = [phoneWarning] }));
            if (!captured.Merged) created++;
            else if (captured.Changed) updated++;
            else unchanged++;
        }
        await transaction.CommitAsync(ct);
        bus.Publish(events);
        return new ImportReport(rows.Count, created, updated, unchanged, errors.Count, errors, warnings, file.Encoding, file.Delimiter == '\t' ? "tab" : file.Delimiter.ToString());
    }

    /// <summary>Marks a row with more filled cells than the header has titles (not a field name: those are snake_case words).</summary>
    private const string ShiftedRowKey = "#shifted";

    private static async Task<(List<(int Row, Dictionary<string, string> Values)> Rows, DecodedCsv File)> ReadRowsAsync(Stream csv, IReadOnlyDictionary<string, string>? mapping, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        var file = CsvFileDecoder.Decode(buffer.ToArray());
        using var parser = Open(file);
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
            // More filled cells than titles: an unquoted separator inside a value (1.500,00 in a comma file) shifted the
            // row, and reading it anyway would keep "1.500" as the amount and drop the "00". Trailing empty cells (Excel
            // leaves some) are harmless.
            var cells = parser.Parser.Count;
            if (cells > headers.Length && Enumerable.Range(headers.Length, cells - headers.Length).Any(i => !string.IsNullOrWhiteSpace(parser.Parser[i])))
                values[ShiftedRowKey] = $"has {cells} cells for {headers.Length} columns: quote values that contain the separator '{file.Delimiter}'.";
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
        using var parser = Open(CsvFileDecoder.Decode(file));
        return parser.Read() && parser.ReadHeader() ? parser.HeaderRecord ?? [] : [];
    }

    /// <summary>A reader over the decoded text with its delimiter, past Excel's <c>sep=</c> line when there is one (row numbers stay the file's lines).</summary>
    private static CsvReader Open(DecodedCsv file)
    {
        var parser = new CsvReader(new StringReader(file.Text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = file.Delimiter.ToString(), BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim,
        });
        if (file.SeparatorLine) parser.Read();
        return parser;
    }

    private static string? Target(string header, IReadOnlyDictionary<string, string>? mapping) =>
        mapping is not null && mapping.TryGetValue(header, out var mapped) ? mapped : SuggestTarget(header);
}
