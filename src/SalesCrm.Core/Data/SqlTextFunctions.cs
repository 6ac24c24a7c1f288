using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using SalesCrm.Core.Common.Filtering;

namespace SalesCrm.Core.Data;

/// <summary>
/// Maps <see cref="SqlText"/> to SQL per provider. PostgreSQL: <c>v LIKE p</c> (case-sensitive, <c>\</c> escapes),
/// <c>lower(v COLLATE "und-x-icu") LIKE lower(p COLLATE "und-x-icu")</c> (ICU's lower folds accented capitals whatever
/// the database's ctype; ILIKE would follow the ctype), <c>ts_match_vq(to_tsvector(cfg, v), plainto_tsquery(cfg, q))</c> (ts_match_vq is the function
/// behind <c>@@</c>), <c>regexp_replace(normalize(lower(v), NFD), '[\u0300-\u036f]', '', 'g')</c> to fold (the database is UTF8). SQLite: C# functions registered on each connection by <see cref="SqliteTextFunctions"/>.
/// </summary>
internal static class SqlTextFunctions
{
    public static void Register(ModelBuilder builder, string? providerName, RelationalTypeMapping? boolMapping)
    {
        var postgres = providerName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        builder.HasDbFunction(typeof(SqlText).GetMethod(nameof(SqlText.Like))!).HasTranslation(args => postgres
            ? new LikeExpression(args[0], args[1], null, boolMapping)
            : Function("crm_like", [args[0], args[1]], typeof(bool), boolMapping));
        builder.HasDbFunction(typeof(SqlText).GetMethod(nameof(SqlText.ILike))!).HasTranslation(args => postgres
            ? new LikeExpression(Lower(args[0]), Lower(args[1]), null, boolMapping)
            : Function("crm_ilike", [args[0], args[1]], typeof(bool), boolMapping));
        builder.HasDbFunction(typeof(SqlText).GetMethod(nameof(SqlText.Fold))!).HasTranslation(args => postgres
            ? Function("regexp_replace", [Normalize(Lower(args[0])),
                new SqlConstantExpression(CombiningMarks, args[0].TypeMapping), new SqlConstantExpression("", args[0].TypeMapping), new SqlConstantExpression("g", args[0].TypeMapping)], typeof(string), args[0].TypeMapping)
            : Function("crm_fold", [args[0]], typeof(string), args[0].TypeMapping));
        builder.HasDbFunction(typeof(SqlText).GetMethod(nameof(SqlText.TextSearch))!).HasTranslation(args =>
        {
            if (!postgres) return Function("crm_text_search", [args[0], args[1], args[2]], typeof(bool), boolMapping);
            var kind = (string)((SqlConstantExpression)args[2]).Value!;
            var config = args[3];
            var tsquery = kind switch { "plfts" => "plainto_tsquery", "phfts" => "phraseto_tsquery", "wfts" => "websearch_to_tsquery", _ => "to_tsquery" };
            // tsvector and tsquery have no CLR type here; they only feed ts_match_vq, so the text mapping stands in for them.
            var vector = Function("to_tsvector", [config, args[0]], typeof(string), args[0].TypeMapping);
            var tsQuery = Function(tsquery, [config, args[1]], typeof(string), args[0].TypeMapping);
            return Function("ts_match_vq", [vector, tsQuery], typeof(bool), boolMapping);
        });
    }

    /// <summary>Unicode's combining diacritical marks, what NFD splits off Latin letters (á = a + U+0301).</summary>
    private const string CombiningMarks = @"[\u0300-\u036f]";

    /// <summary>normalize(text, NFD): the form is a keyword, never null, so only the text decides whether the result is null.</summary>
    private static SqlFunctionExpression Normalize(SqlExpression text) =>
        new("normalize", [text, new SqlFragmentExpression("NFD")], nullable: true, argumentsPropagateNullability: [true, false], typeof(string), text.TypeMapping);

    /// <summary>lower() under the ICU root collation: folds É, Ã… whatever the database's own ctype (a "C" one folds ASCII only).</summary>
    private static SqlFunctionExpression Lower(SqlExpression text) => Function("lower", [new CollateExpression(text, "und-x-icu")], typeof(string), text.TypeMapping);

    private static SqlFunctionExpression Function(string name, SqlExpression[] args, Type type, RelationalTypeMapping? mapping) =>
        new(name, args, nullable: true, argumentsPropagateNullability: args.Select(_ => true), type, mapping);
}
