using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// Campaign spend, by hand or from a CSV: read with <c>reports.view</c>, written with <c>reports.view</c> and <c>leads.write</c>
/// (a viewer reads reports, a manager also enters what campaigns cost). One amount per campaign, month and currency: storing it again replaces it.
/// </summary>
public sealed class MarketingSpendService(IDbContextFactory<CrmDbContext> dbFactory, AccessService access, TimeProvider time)
{
    /// <summary>Spend entries whose month overlaps <paramref name="from"/>..<paramref name="to"/> (all when null), by month then campaign.</summary>
    public async Task<IReadOnlyList<SpendDto>> ListAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.ReportsView, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await Query(db, from, to).ToListAsync(ct)).OrderBy(s => s.Month).ThenBy(s => s.Campaign, StringComparer.Ordinal).Select(ToDto).ToList();
    }

    internal static IQueryable<MarketingSpend> Query(CrmDbContext db, DateOnly? from, DateOnly? to)
    {
        var rows = db.MarketingSpend.AsNoTracking();
        if (from is { } f) { var first = new DateOnly(f.Year, f.Month, 1); rows = rows.Where(s => s.Month >= first); }
        if (to is { } t) rows = rows.Where(s => s.Month <= t);
        return rows;
    }

    /// <summary>
    /// Stores the entries (each replacing the same campaign, month and currency). A <see cref="ValidationException"/> keyed
    /// <c>items[i].field</c> names every bad entry; nothing is stored then.
    /// </summary>
    public async Task<IReadOnlyList<SpendDto>> PutAsync(IReadOnlyList<SpendInput> items, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.ReportsView, ct);
        await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var currency = (await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstAsync(ct)).DefaultCurrency;
        var v = new Validator().When(items.Count is 0 or > 5000, "items", "must hold 1 to 5000 entries.");
        var parsed = items.Select((item, i) => Parse(item, $"items[{i}].", currency, v)).ToList();
        v.ThrowIfInvalid();
        var now = time.GetUtcNow().UtcDateTime;
        var stored = new List<MarketingSpend>();
        foreach (var (campaign, month, cents, cur) in parsed)
        {
            var row = stored.FirstOrDefault(s => s.Campaign == campaign && s.Month == month && s.Currency == cur)
                      ?? await db.MarketingSpend.FirstOrDefaultAsync(s => s.Campaign == campaign && s.Month == month && s.Currency == cur, ct);
            if (row is null)
            {
                row = new MarketingSpend { TenantId = tenantId, Campaign = campaign, Month = month, Currency = cur, CreatedAt = now };
                db.MarketingSpend.Add(row);
            }
            row.AmountCents = cents;
            row.UpdatedAt = now;
            if (!stored.Contains(row)) stored.Add(row);
        }
        await db.SaveChangesAsync(ct);
        return stored.Select(ToDto).ToList();
    }

    /// <summary>
    /// Reads a CSV (the lead import's decoding: UTF-8/UTF-16/Windows-1252, <c>;</c>, <c>,</c> or tab) with columns campaign,
    /// month (<c>2026-10</c> or <c>10/2026</c>), amount (read in the workspace's culture, <c>R$ 1.500,00</c>) and optionally
    /// currency, and stores it as <see cref="PutAsync"/>. Errors name the line: <c>line 3.amount</c>.
    /// </summary>
    public async Task<IReadOnlyList<SpendDto>> ImportCsvAsync(Stream file, CancellationToken ct = default)
    {
        var tenantId = await access.RequireAsync(Capabilities.ReportsView, ct);
        string culture;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            culture = (await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Settings).FirstAsync(ct)).Culture;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        using var reader = CsvRecordReader.Open(CsvFileDecoder.Decode(buffer.ToArray()));
        var header = reader.ReadHeader().Select(h => LeadSearch.Fold(h).Trim()).ToList();
        int Column(params string[] names) => header.FindIndex(h => names.Contains(h));
        var (campaign, month, amount, currency) = (Column("campaign", "campanha", "utm_campaign"), Column("month", "mes"),
            Column("amount", "valor", "spend", "gasto", "investimento"), Column("currency", "moeda"));
        new Validator().When(campaign < 0 || month < 0 || amount < 0, "file", "needs the columns campaign, month and amount (campanha, mês, valor).").ThrowIfInvalid();
        var v = new Validator();
        var items = new List<SpendInput>();
        while (reader.Read())
        {
            decimal? money = MoneyParser.TryParse(reader[amount], culture, out var parsed) ? parsed : null;
            if (money is null) v.Add($"line {reader.Line}.amount", $"'{reader[amount]}' is not an amount.");
            items.Add(new SpendInput(reader[campaign], MonthText(reader[month]), money, currency >= 0 && reader[currency].Length > 0 ? reader[currency] : null));
        }
        v.When(items.Count == 0, "file", "holds no entry below its header.");
        v.ThrowIfInvalid();
        return await PutAsync(items, ct);
    }

    /// <summary>Deletes one entry; another workspace's id is not found.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await access.RequireAsync(Capabilities.ReportsView, ct);
        await access.RequireAsync(Capabilities.LeadsWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.MarketingSpend.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Spend", id);
        db.MarketingSpend.Remove(row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary><c>10/2026</c> as <c>2026-10</c>; other text unchanged.</summary>
    private static string? MonthText(string? text)
    {
        var t = text?.Trim();
        return t is not null && DateOnly.TryParseExact(t, ["MM/yyyy", "M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("yyyy-MM", CultureInfo.InvariantCulture) : t;
    }

    private static (string Campaign, DateOnly Month, long Cents, string Currency) Parse(SpendInput item, string prefix, string fallbackCurrency, Validator v)
    {
        v.Require(prefix + "campaign", item.Campaign, 200);
        var monthOk = DateOnly.TryParseExact(item.Month?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month);
        v.When(!monthOk, prefix + "month", "must be a month like 2026-10.");
        v.When(item.Amount is null or < 0 or > LeadService.MaxValue, prefix + "amount", "must be between 0 and 1000000000000.");
        var currency = (item.Currency ?? fallbackCurrency).Trim().ToUpperInvariant();
        v.When(currency.Length != 3 || !currency.All(char.IsAsciiLetter), prefix + "currency", "must be a 3-letter ISO code.");
        return (item.Campaign?.Trim() ?? "", month, (long)Math.Round((item.Amount ?? 0) * 100, MidpointRounding.AwayFromZero), currency);
    }

    public static SpendDto ToDto(MarketingSpend s) => new(s.Id, s.Campaign, s.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), s.AmountCents / 100m, s.Currency);
}
