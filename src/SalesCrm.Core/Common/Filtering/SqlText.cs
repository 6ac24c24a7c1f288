namespace SalesCrm.Core.Common.Filtering;

/// <summary>
/// Text predicates the filter grammar puts in LINQ, translated per provider (Data/SqlTextFunctions) so both mean the
/// same: on PostgreSQL LIKE, lower(…) LIKE lower(…), lower + NFD without combining marks and to_tsvector/…_tsquery; on SQLite
/// the functions <c>crm_like</c>, <c>crm_ilike</c>, <c>crm_fold</c> and <c>crm_text_search</c> registered on every connection (Data/SqliteTextFunctions).
/// Only valid inside EF queries.
/// </summary>
public static class SqlText
{
    /// <summary>Case-sensitive SQL LIKE, escape character <c>\</c>.</summary>
    public static bool Like(string? value, string pattern) => throw OnlyInQueries();

    /// <summary>LIKE ignoring case over all of Unicode (É = é, Ã = ã), escape character <c>\</c>.</summary>
    public static bool ILike(string? value, string pattern) => throw OnlyInQueries();

    /// <summary>
    /// The text in lower case without diacritics, as <c>LeadSearch.Fold</c> folds it ("Araújo" → "araujo"): a column to
    /// compare with folded text, so a filter ignores case and accents whichever side has them.
    /// </summary>
    public static string? Fold(string? value) => throw OnlyInQueries();

    /// <summary>Full-text match; <paramref name="kind"/> is fts, plfts, phfts or wfts and <paramref name="config"/> a checked configuration name.</summary>
    public static bool TextSearch(string? value, string query, string kind, string config) => throw OnlyInQueries();

    private static InvalidOperationException OnlyInQueries() => new("SqlText functions are translated to SQL and only run inside EF Core queries.");
}
