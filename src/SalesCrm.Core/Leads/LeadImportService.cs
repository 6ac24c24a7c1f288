using System.Globalization;
using ValidationException = SalesCrm.Core.Common.ValidationException;
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
/// The file's encoding and delimiter are detected (<see cref="CsvFileDecoder"/>); a quote that never closes refuses the
/// file (<see cref="CsvRecordReader"/>); columns are matched by title or mapping (<see cref="LeadImportColumns"/>) and
/// every column not imported is a warning on the header row; amounts are read in the workspace's culture
/// (<see cref="MoneyParser"/>); a leading <c>'</c> that our export put before <c>= + - @</c> (CSV-injection
/// neutralising) is removed, so an exported file imports back unchanged. A <c>notes</c> column becomes a note on the
/// lead's timeline (once: the same text is not noted twice).
/// </remarks>
public sealed class LeadImportService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, LeadService leads, ICrmEventBus bus, TimeProvider time)
{
    public const int MaxRows = 10_000;

    /// <summary>
    /// Imports a CSV file. <paramref name="mapping"/>: column title → field (<see cref="LeadImportColumns.TargetFields"/>;
    /// <c>""</c> or null leaves the column out); titles it does not name are matched by <see cref="LeadImportColumns.Suggest"/>.
    /// Throws <see cref="ValidationException"/> (nothing imported) on <c>file</c> when the file cannot be read faithfully
    /// (encoding, a quote never closed, more than <see cref="MaxRows"/> rows) and on <c>mapping</c> for an unknown field
    /// or no column for <c>name</c>; a row that cannot be imported is an error in the report, the others are imported.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Stream csv, IReadOnlyDictionary<string, string?>? mapping, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.LeadsWrite, ct);
        var unknownTargets = mapping?.Values.Where(v => !string.IsNullOrWhiteSpace(v) && !LeadImportColumns.TargetFields.Contains(v.Trim())).ToList() ?? [];
        if (unknownTargets.Count > 0)
            throw new ValidationException("mapping", $"Unknown target fields: {string.Join(", ", unknownTargets)}. Use: {string.Join(", ", LeadImportColumns.TargetFields)}.");

        var (rows, file, columnWarnings) = await ReadRowsAsync(csv, mapping, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstAsync(ct);
        var pipeline = await db.Pipelines.AsNoTracking().Include(p => p.Stages).OrderByDescending(p => p.IsDefault).ThenBy(p => p.Order).FirstAsync(ct);
        var firstStage = pipeline.Stages.Where(s => s.IsActive && s.Kind == StageKind.Open).OrderBy(s => s.Order).FirstOrDefault() ?? pipeline.Stages.OrderBy(s => s.Order).First();
        var members = await db.Memberships.Select(m => new { m.UserId, Email = m.User!.NormalizedEmail, m.User.Name }).ToListAsync(ct);

        // Every row is saved as the API would save it (LeadService's create-or-merge rule), inside one transaction: a
        // later row sees the leads of earlier ones, and nothing is kept unless the whole file is. Events go out after commit.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LeadCaptureLock.LockWorkspaceAsync(db, tenantId, ct); // no capture of the workspace interleaves with the file's
        var events = new List<CrmEvent>();
        var errors = new List<ImportRowError>();
        var warnings = new List<ImportRowWarning>();
        if (columnWarnings is not null) warnings.Add(columnWarnings);
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
                // Spreadsheets name the rep ("Responsável: Carla Souza") as often as they give an e-mail: either names one member.
                var byName = members.Where(m => LeadSearch.Fold(m.Name) == LeadSearch.Fold(oe)).ToList();
                ownerId = members.FirstOrDefault(m => m.Email == oe.ToUpperInvariant())?.UserId ?? (byName.Count == 1 ? byName[0].UserId : null);
                if (ownerId is null) v.Add("owner_email", $"'{oe}' is not the e-mail or name of one member of this workspace.");
            }
            var notes = Optional("notes");
            v.When(notes is { Length: > MaxNoteLength }, "notes", $"must be at most {MaxNoteLength} characters.");
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
            var noted = notes is not null && await Interactions.InteractionService.AddNoteOnceAsync(db, captured.Lead, notes, access.User, time.GetUtcNow().UtcDateTime, events, ct);
            db.ChangeTracker.Clear(); // saved: tracking thousands of rows would make every later save scan them all
            if (captured.Phone.Warning is { } phoneWarning) warnings.Add(new ImportRowWarning(rowNumber, new Dictionary<string, string[]> { ["phone"] = [phoneWarning] }));
            if (!captured.Merged) created++;
            else if (captured.Changed || noted) updated++;
            else unchanged++;
        }
        await transaction.CommitAsync(ct);
        bus.Publish(events);
        return new ImportReport(rows.Count, created, updated, unchanged, errors.Count, errors, warnings, file.Encoding, file.Delimiter == '\t' ? "tab" : file.Delimiter.ToString());
    }

    /// <summary>Marks a row with more filled cells than the header has titles (not a field name: those are snake_case words).</summary>
    private const string ShiftedRowKey = "#shifted";

    /// <summary>The longest note a row may carry (the timeline's limit).</summary>
    private const int MaxNoteLength = 10_000;

    /// <summary>
    /// The file's rows (by the line each starts on) as field → text, how it was read, and the header row's warning listing
    /// the columns that are not imported (null when every column is).
    /// </summary>
    private static async Task<(List<(int Row, Dictionary<string, string> Values)> Rows, DecodedCsv File, ImportRowWarning? ColumnWarnings)> ReadRowsAsync(
        Stream csv, IReadOnlyDictionary<string, string?>? mapping, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        var file = CsvFileDecoder.Decode(buffer.ToArray());
        using var reader = CsvRecordReader.Open(file);
        var headers = reader.ReadHeader();
        if (headers.Count == 0) throw new ValidationException("file", "has no header row.");
        var headerLine = reader.Line;
        var columns = LeadImportColumns.Plan(headers, mapping);
        if (columns.All(c => c.Field != "name")) throw new ValidationException("mapping", "No column maps to 'name'. Title the column 'name' (or Nome) or map it.");
        var hasData = new bool[columns.Count];
        var rows = new List<(int, Dictionary<string, string>)>();
        while (reader.Read())
        {
            if (rows.Count >= MaxRows) throw new ValidationException("file", $"has more than {MaxRows} rows; split it.");
            var values = new Dictionary<string, string>();
            foreach (var column in columns)
            {
                var text = reader[column.Number - 1];
                if (text.Length > 0) hasData[column.Number - 1] = true;
                if (column.Field is { } field) values[field] = CsvFormulaGuard.Restore(text);
            }
            if (values.Values.All(string.IsNullOrWhiteSpace)) continue;
            // More filled cells than titles: an unquoted separator inside a value (1.500,00 in a comma file) shifted the
            // row, and reading it anyway would keep "1.500" as the amount and drop the "00". Trailing empty cells (Excel
            // leaves some) are harmless.
            var cells = reader.Count;
            if (cells > headers.Count && Enumerable.Range(headers.Count, cells - headers.Count).Any(i => !string.IsNullOrWhiteSpace(reader[i])))
                values[ShiftedRowKey] = $"has {cells} cells for {headers.Count} columns: quote values that contain the separator '{file.Delimiter}'.";
            rows.Add((reader.Line, values));
        }
        return (rows, file, ColumnWarnings(columns, hasData, mapping, headerLine));
    }

    /// <summary>
    /// One warning on the header row: each column that is not imported (an untitled one only when it holds data: Excel
    /// leaves empty ones at the end), and each mapped title the file does not have.
    /// </summary>
    private static ImportRowWarning? ColumnWarnings(IReadOnlyList<ImportColumn> columns, bool[] hasData, IReadOnlyDictionary<string, string?>? mapping, int headerLine)
    {
        var warnings = new Dictionary<string, List<string>>();
        foreach (var column in columns.Where(c => c.Warning is not null && (c.Title.Length > 0 || hasData[c.Number - 1])))
            (warnings.TryGetValue(column.Label, out var list) ? list : warnings[column.Label] = []).Add(column.Warning!);
        foreach (var title in mapping?.Keys.Where(k => columns.All(c => c.Title != k.Trim())) ?? [])
            (warnings.TryGetValue(title, out var list) ? list : warnings[title] = []).Add("the mapping names this column, but the file has no column with this title");
        return warnings.Count == 0 ? null : new ImportRowWarning(headerLine, warnings.ToDictionary(w => w.Key, w => w.Value.ToArray()));
    }

    /// <summary>
    /// The column titles of a CSV file, decoded and split exactly as <see cref="ImportAsync"/> will (so a mapping built on
    /// them matches); throws <see cref="ValidationException"/> on <c>file</c> when the file cannot be read faithfully
    /// (encoding, or a quote in it that never closes: the whole file is checked, as the import will).
    /// </summary>
    public static IReadOnlyList<string> ReadHeaders(byte[] file)
    {
        using var reader = CsvRecordReader.Open(CsvFileDecoder.Decode(file));
        var headers = reader.ReadHeader();
        while (reader.Read()) { }
        return headers;
    }
}
