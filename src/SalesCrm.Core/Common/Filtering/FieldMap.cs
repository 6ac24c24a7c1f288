using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Common.Filtering;

/// <summary>
/// The explicit allow-list of filterable and sortable fields of one entity, by API name. Builds typed LINQ
/// predicates from <see cref="FilterCondition"/>s, so a bad field, operator or value is a 400 — never SQL.
/// </summary>
public sealed class FieldMap<T>
{
    private readonly Dictionary<string, Field> _fields = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _fields.Keys;

    public FieldMap<T> Add<TValue>(string name, Expression<Func<T, TValue>> selector, bool sortable = true, Func<string, object>? parse = null)
    {
        _fields[name] = new Field(name, selector, typeof(TValue), sortable, parse);
        return this;
    }

    public bool Contains(string name) => _fields.ContainsKey(name);

    public IQueryable<T> Where(IQueryable<T> query, FilterCondition condition)
    {
        if (!_fields.TryGetValue(condition.Field, out var field))
            throw FilterGrammar.Invalid(condition.Field, $"is not a filterable field. Use one of: {string.Join(", ", _fields.Keys.Order())}.");
        var parameter = field.Selector.Parameters[0];
        var body = Build(field, condition, field.Selector.Body);
        if (condition.Negated) body = Expression.Not(body);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, parameter));
    }

    public IOrderedQueryable<T> OrderBy(IQueryable<T> query, IReadOnlyList<SortKey> keys)
    {
        if (keys.Count == 0) throw FilterGrammar.Invalid("order", "is empty.");
        IOrderedQueryable<T>? ordered = null;
        foreach (var key in keys)
        {
            if (!_fields.TryGetValue(key.Field, out var field) || !field.Sortable)
                throw FilterGrammar.Invalid("order", $"'{key.Field}' is not a sortable field.");
            var method = (ordered is null, key.Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var call = Expression.Call(typeof(Queryable), method, [typeof(T), field.Type], (ordered ?? query).Expression, Expression.Quote(field.Selector));
            ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(call);
        }
        return ordered!;
    }

    private static Expression Build(Field field, FilterCondition c, Expression member)
    {
        var underlying = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
        switch (c.Operator)
        {
            case FilterOperator.IsNull:
                if (field.Type.IsValueType && Nullable.GetUnderlyingType(field.Type) is null)
                    throw FilterGrammar.Invalid(c.Field, "is never null.");
                return Expression.Equal(member, Expression.Constant(null, field.Type));
            case FilterOperator.Like or FilterOperator.Ilike:
                if (underlying != typeof(string)) throw FilterGrammar.Invalid(c.Field, $"'{c.Operator.ToString().ToLowerInvariant()}' works on text fields only.");
                var pattern = FilterGrammar.ToLikePattern(c.Values[0]);
                Expression target = member;
                if (c.Operator == FilterOperator.Ilike)
                {
                    target = Expression.Call(member, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
                    pattern = pattern.ToLowerInvariant();
                }
                var like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
                var notNull = Expression.NotEqual(member, Expression.Constant(null, typeof(string)));
                return Expression.AndAlso(notNull, Expression.Call(like, Expression.Constant(EF.Functions), target, Expression.Constant(pattern), Expression.Constant("\\")));
            case FilterOperator.In:
                if (c.Values.Count == 0) throw FilterGrammar.Invalid(c.Field, "'in' needs at least one value.");
                var values = c.Values.Select(v => Parse(field, c.Field, v)).ToList();
                var list = typeof(List<>).MakeGenericType(field.Type);
                var typed = (System.Collections.IList)Activator.CreateInstance(list)!;
                foreach (var v in values) typed.Add(v);
                var contains = list.GetMethod(nameof(List<int>.Contains))!;
                return Expression.Call(Expression.Constant(typed), contains, member);
            case FilterOperator.Contains:
                var element = ElementType(field.Type) ?? throw FilterGrammar.Invalid(c.Field, "'cs' works on list fields only.");
                Expression all = Expression.Constant(true);
                foreach (var value in c.Values)
                {
                    var any = typeof(Enumerable).GetMethods().First(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(element);
                    all = Expression.AndAlso(all, Expression.Call(any, member, Expression.Constant(value, element)));
                }
                return all;
            default:
                if (ElementType(field.Type) is not null) throw FilterGrammar.Invalid(c.Field, "is a list: use cs.{a,b}.");
                var constant = Expression.Constant(Parse(field, c.Field, c.Values[0]), field.Type);
                if (c.Operator is FilterOperator.Gt or FilterOperator.Gte or FilterOperator.Lt or FilterOperator.Lte && !IsOrdered(underlying))
                    throw FilterGrammar.Invalid(c.Field, $"'{c.Operator.ToString().ToLowerInvariant()}' needs a number or date field.");
                return c.Operator switch
                {
                    FilterOperator.Eq => Expression.Equal(member, constant),
                    FilterOperator.Neq => Expression.NotEqual(member, constant),
                    FilterOperator.Gt => Expression.GreaterThan(member, constant),
                    FilterOperator.Gte => Expression.GreaterThanOrEqual(member, constant),
                    FilterOperator.Lt => Expression.LessThan(member, constant),
                    _ => Expression.LessThanOrEqual(member, constant),
                };
        }
    }

    private static bool IsOrdered(Type t) => t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(DateTime) || t == typeof(DateOnly);

    private static Type? ElementType(Type t) => t != typeof(string) && t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) ? t.GetGenericArguments()[0] : null;

    private static object? Parse(Field field, string name, string raw)
    {
        if (field.Parse is not null)
        {
            try { return field.Parse(raw); }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException) { throw FilterGrammar.Invalid(name, $"'{raw}' is not a valid value: {e.Message}"); }
        }
        var type = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
        object? value = null;
        var ok = type switch
        {
            _ when type == typeof(string) => (value = raw) is not null,
            _ when type == typeof(Guid) => Guid.TryParse(raw, out var g) && (value = g) is not null,
            _ when type == typeof(int) => int.TryParse(raw, System.Globalization.NumberStyles.Integer, FilterGrammar.Invariant, out var i) && (value = i) is not null,
            _ when type == typeof(long) => long.TryParse(raw, System.Globalization.NumberStyles.Integer, FilterGrammar.Invariant, out var l) && (value = l) is not null,
            _ when type == typeof(double) => double.TryParse(raw, System.Globalization.NumberStyles.Float, FilterGrammar.Invariant, out var d) && (value = d) is not null,
            _ when type == typeof(bool) => bool.TryParse(raw, out var b) && (value = b) is not null,
            _ when type == typeof(DateTime) => DateTime.TryParse(raw, FilterGrammar.Invariant, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var dt)
                                              && (value = DateTime.SpecifyKind(dt, DateTimeKind.Utc)) is not null,
            _ when type == typeof(DateOnly) => DateOnly.TryParseExact(raw, "yyyy-MM-dd", FilterGrammar.Invariant, System.Globalization.DateTimeStyles.None, out var d) && (value = d) is not null,
            _ when type.IsEnum => TryEnum(type, raw, out value),
            _ => false,
        };
        if (!ok) throw FilterGrammar.Invalid(name, $"'{raw}' is not a valid {Describe(type)}.");
        return value;
    }

    private static bool TryEnum(Type type, string raw, out object? value)
    {
        var method = typeof(SnakeEnum).GetMethod(nameof(SnakeEnum.TryParse))!.MakeGenericMethod(type);
        var args = new object?[] { raw, null };
        var ok = (bool)method.Invoke(null, args)!;
        value = args[1];
        return ok;
    }

    private static string Describe(Type type) => type.IsEnum
        ? $"value ({string.Join(", ", Enum.GetValues(type).Cast<object>().Select(v => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()!)))})"
        : type == typeof(Guid) ? "id" : type == typeof(DateTime) ? "date-time" : type == typeof(DateOnly) ? "date (yyyy-MM-dd)" : type.Name.ToLowerInvariant();

    private sealed record Field(string Name, LambdaExpression Selector, Type Type, bool Sortable, Func<string, object>? Parse);
}
