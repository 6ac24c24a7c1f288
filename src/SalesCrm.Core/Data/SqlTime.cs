using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesCrm.Core.Data;

/// <summary>
/// Time arithmetic the database does for analytics. <see cref="WeekHour"/>: the weekday and hour of a stored instant shifted
/// by a UTC offset, so messages group by the workspace's weekday and hour in SQL (the busiest-hours heatmap) and only the
/// 168 cells come back, not a row per lead and hour.
/// </summary>
public static class SqlTime
{
    /// <summary>
    /// LINQ to SQL only: the weekday (Sunday = 0) × 100 + the hour (0–23) of <paramref name="utc"/> + <paramref name="offsetSeconds"/>,
    /// e.g. 110 = Monday 10h. SQLite: <c>strftime('%w%H', utc, 'N seconds')</c>; PostgreSQL: arithmetic on the epoch seconds
    /// (<c>date_part('epoch', timestamptz)</c> is UTC whatever the session's zone; 1970-01-01 was a Thursday).
    /// </summary>
    public static int WeekHour(DateTime utc, int offsetSeconds) => throw new InvalidOperationException("Only for LINQ to SQL.");

    internal static void Register(ModelBuilder builder, string? providerName, IRelationalTypeMappingSource mappings)
    {
        var postgres = providerName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var doubleMapping = mappings.FindMapping(typeof(double));
        var longMapping = mappings.FindMapping(typeof(long));
        var intMapping = mappings.FindMapping(typeof(int));
        var stringMapping = mappings.FindMapping(typeof(string));
        builder.HasDbFunction(typeof(SqlTime).GetMethod(nameof(WeekHour))!).HasTranslation(args =>
        {
            if (!postgres)
            {
                // A constant offset (a zone without daylight saving in the period) is written as the modifier itself.
                SqlExpression modifier = args[1] is SqlConstantExpression { Value: int seconds }
                    ? new SqlConstantExpression(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " seconds", stringMapping)
                    : new SqlFunctionExpression("printf", [new SqlConstantExpression("%d seconds", stringMapping), args[1]], nullable: true,
                        argumentsPropagateNullability: [false, true], typeof(string), stringMapping);
                var text = new SqlFunctionExpression("strftime", [new SqlConstantExpression("%w%H", stringMapping), args[0], modifier], nullable: true,
                    argumentsPropagateNullability: [false, true, true], typeof(string), stringMapping);
                return new SqlUnaryExpression(ExpressionType.Convert, text, typeof(int), intMapping);
            }
            var epoch = new SqlBinaryExpression(ExpressionType.Add,
                Function("date_part", [new SqlFragmentExpression("'epoch'"), args[0]], doubleMapping), args[1], typeof(double), doubleMapping);
            var hours = new SqlUnaryExpression(ExpressionType.Convert, Function("floor",
                [new SqlBinaryExpression(ExpressionType.Divide, epoch, new SqlConstantExpression(3600.0, doubleMapping), typeof(double), doubleMapping)], doubleMapping),
                typeof(long), longMapping);
            SqlExpression Long(long value) => new SqlConstantExpression(value, longMapping);
            SqlExpression Binary(ExpressionType op, SqlExpression left, SqlExpression right) => new SqlBinaryExpression(op, left, right, typeof(long), longMapping);
            var weekday = Binary(ExpressionType.Modulo, Binary(ExpressionType.Add, Binary(ExpressionType.Divide, hours, Long(24)), Long(4)), Long(7));
            var cell = Binary(ExpressionType.Add, Binary(ExpressionType.Multiply, weekday, Long(100)), Binary(ExpressionType.Modulo, hours, Long(24)));
            return new SqlUnaryExpression(ExpressionType.Convert, cell, typeof(int), intMapping);
        });
    }

    private static SqlFunctionExpression Function(string name, SqlExpression[] args, RelationalTypeMapping? mapping) =>
        new(name, args, nullable: true, argumentsPropagateNullability: args.Select(_ => true), typeof(double), mapping);
}
