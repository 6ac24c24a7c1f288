using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Leads;

/// <summary>
/// The leads a text search <c>q</c> finds: those whose folded name, company or e-mail (<see cref="Lead.SearchText"/>)
/// contains the folded text, whose phone contains its digits (three or more), or whose phone is the text read as a
/// phone in the workspace's region. One meaning, two indexes (ADR 014): on PostgreSQL a <c>LIKE</c> served by
/// pg_trgm GIN indexes; on SQLite a trigram FTS5 table kept by triggers, read through a forced join order when its hits
/// are few, and the plain <c>LIKE</c> (walking the order's index, which finds a page quickly) when they are many or
/// the text is shorter than a trigram.
/// </summary>
internal static class LeadTextSearch
{
    /// <summary>Above this many FTS hits in the workspace SQLite walks its leads instead of looking each hit up.</summary>
    public const int SqliteHitLimit = 5_000;

    /// <summary>The search's terms, validated (400 for more than 200 characters or a NUL).</summary>
    public sealed record Terms(string Folded, string? Digits, string? Phone)
    {
        public string LikePattern => "%" + FilterGrammar.EscapeLike(Folded) + "%";
        public string? PhonePattern => Digits is null ? null : "%" + Digits + "%";
        /// <summary>Trigram indexes find substrings of three characters or more (Unicode scalars, not UTF-16 units).</summary>
        public bool Indexable => Folded.EnumerateRunes().Count() >= 3;
    }

    /// <summary>Reads <c>q</c>; <paramref name="region"/> (the workspace's phone region) is asked only when the text may be a whole phone.</summary>
    public static async Task<Terms> ReadAsync(string q, Func<Task<string>> region)
    {
        var text = q.Trim();
        if (text.Length > 200) throw new ValidationException("q", "must be at most 200 characters.");
        if (text.Contains('\0')) throw new ValidationException("q", "must not contain the NUL character (%00).");
        var digits = new string(text.Where(char.IsDigit).ToArray());
        // A whole phone in any spelling ("(41) 8877-6655", "021 98888-7777") also finds the lead by its canonical E.164.
        var phone = digits.Length >= 8 ? ContactNormalizer.TryNormalizePhone(text, await region()) : null;
        return new Terms(LeadSearch.Fold(text), digits.Length >= 3 ? digits : null, phone);
    }

    /// <summary>The tenant's leads (query filters applied) that the terms find, as a query to filter, order and page further.</summary>
    public static async Task<IQueryable<Lead>> MatchingAsync(CrmDbContext db, Terms terms, Guid tenantId, CancellationToken ct)
    {
        if (IsSqlite(db) && terms.Indexable)
        {
            var match = FtsMatch(terms);
            // Hits in every workspace first, which reads the index alone; only when they are many, the workspace's own.
            var hits = await db.Database.SqlQuery<int>($"""
                SELECT count(*) AS "Value" FROM (SELECT 1 FROM "lead_search_fts" WHERE "lead_search_fts" MATCH {match} LIMIT {SqliteHitLimit + 1})
                """).SingleAsync(ct);
            if (hits > SqliteHitLimit)
                hits = await db.Database.SqlQuery<int>($"""
                    SELECT count(*) AS "Value" FROM (
                        SELECT 1 FROM "lead_search_fts" AS f CROSS JOIN "lead_search_keys" AS k ON k."Id" = f.rowid
                        WHERE f."lead_search_fts" MATCH {match} AND k."TenantId" = {tenantId} LIMIT {SqliteHitLimit + 1})
                    """).SingleAsync(ct);
            if (hits <= SqliteHitLimit) return FtsHits(db, match, terms.Phone, tenantId);
        }
        var pattern = terms.LikePattern;
        var phonePattern = terms.PhonePattern;
        var phone = terms.Phone;
        return db.Leads.Where(l => EF.Functions.Like(l.SearchText, pattern, "\\")
                                   || (phonePattern != null && l.Phone != null && EF.Functions.Like(l.Phone, phonePattern))
                                   || (phone != null && l.Phone == phone));
    }

    /// <summary>
    /// The leads behind the FTS hits (plus the one whose phone is the searched phone), looked up one by one: CROSS JOIN
    /// makes SQLite loop over the hits, which are few, instead of walking every lead in the order's index to test each.
    /// </summary>
    private static IQueryable<Lead> FtsHits(CrmDbContext db, string match, string? phone, Guid tenantId) => phone is null
        ? db.Leads.FromSql($"""
            SELECT l.* FROM "lead_search_fts" AS f CROSS JOIN "lead_search_keys" AS k ON k."Id" = f.rowid CROSS JOIN "leads" AS l ON l."Id" = k."LeadId"
            WHERE f."lead_search_fts" MATCH {match} AND k."TenantId" = {tenantId}
            """)
        : db.Leads.FromSql($"""
            SELECT l.* FROM (
                SELECT k."LeadId" AS "Id" FROM "lead_search_fts" AS f CROSS JOIN "lead_search_keys" AS k ON k."Id" = f.rowid
                WHERE f."lead_search_fts" MATCH {match} AND k."TenantId" = {tenantId}
                UNION SELECT "Id" FROM "leads" WHERE "TenantId" = {tenantId} AND "Phone" = {phone}
            ) AS hit CROSS JOIN "leads" AS l ON l."Id" = hit."Id"
            """);

    /// <summary>An FTS5 query: the folded text as one quoted phrase in the text column, or the digits in the phone column.</summary>
    private static string FtsMatch(Terms terms)
    {
        static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";
        return terms.Digits is null ? $"text : {Quote(terms.Folded)}" : $"text : {Quote(terms.Folded)} OR phone : {Quote(terms.Digits)}";
    }

    private static bool IsSqlite(CrmDbContext db) => db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
}
