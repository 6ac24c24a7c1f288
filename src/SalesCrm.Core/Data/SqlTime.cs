using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesCrm.Core.Data;

/// <summary>
/// Time arithmetic the database does for analytics. <see cref="EpochHour"/>: the whole hours since 1970-01-01 UTC of a stored
/// instant, so rows group by hour in SQL and the hours are placed in the workspace's zone afterwards (exact for zones whose
/// offset is whole hours, as every zone of the Americas).
/// </summary>
public static class SqlTime
{
    public static double EpochHour(DateTime utc) => throw new InvalidOperationException("Only for LINQ to SQL.");

    /// <summary>
    /// SQLite only: the UTC hour of a stored instant as text, <c>yyyy-MM-dd HH</c> (the first 13 characters of how EF Core stores
    /// a <see cref="DateTime"/> there). The same hours as <see cref="EpochHour"/> at half its cost: a substring instead of parsing
    /// the date per row (ADR 044). Read it back with <see cref="FromHourText"/>.
    /// </summary>
    public static string UtcHourText(DateTime utc) => throw new InvalidOperationException("Only for LINQ to SQL.");

    /// <summary>The start (UTC) of the hour <see cref="UtcHourText"/> gave.</summary>
    public static DateTime FromHourText(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text.Replace('T', ' '), "yyyy-MM-dd HH", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    internal static void Register(ModelBuilder builder, string? providerName, RelationalTypeMapping? doubleMapping, RelationalTypeMapping? longMapping,
        RelationalTypeMapping? stringMapping = null)
    {
        var postgres = providerName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        if (!postgres)
            builder.HasDbFunction(typeof(SqlTime).GetMethod(nameof(UtcHourText))!).HasTranslation(args => new SqlFunctionExpression("substr",
                [args[0], new SqlConstantExpression(1, longMapping), new SqlConstantExpression(13, longMapping)], nullable: true,
                argumentsPropagateNullability: [true, false, false], typeof(string), stringMapping));
        builder.HasDbFunction(typeof(SqlTime).GetMethod(nameof(EpochHour))!).HasTranslation(args => postgres
            // date_part('epoch', timestamptz) is UTC seconds whatever the session's zone.
            ? Function("floor", [new SqlBinaryExpression(System.Linq.Expressions.ExpressionType.Divide,
                Function("date_part", [new SqlFragmentExpression("'epoch'"), args[0]], doubleMapping), new SqlConstantExpression(3600.0, doubleMapping), typeof(double), doubleMapping)], doubleMapping)
            // strftime('%s') is text; dividing by an integer makes SQLite read it as one and divide whole.
            : new SqlBinaryExpression(System.Linq.Expressions.ExpressionType.Divide,
                Function("strftime", [new SqlFragmentExpression("'%s'"), args[0]], doubleMapping), new SqlConstantExpression(3600L, longMapping), typeof(double), doubleMapping));
    }

    private static SqlFunctionExpression Function(string name, SqlExpression[] args, RelationalTypeMapping? mapping) =>
        new(name, args, nullable: true, argumentsPropagateNullability: args.Select(_ => true), typeof(double), mapping);
}
