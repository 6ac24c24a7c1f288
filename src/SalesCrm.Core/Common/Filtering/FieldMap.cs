using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Query;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Common.Filtering;

/// <summary>
/// The explicit allow-list of filterable and sortable fields of one entity, by API name. Builds typed LINQ
/// predicates from <see cref="FilterNode"/>s, so a bad field, operator or value is a 400 — never SQL text.
/// </summary>
public sealed class FieldMap<T>
{
    private readonly Dictionary<string, Field> _fields = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _fields.Keys;

    public FieldMap<T> Add<TValue>(string name, Expression<Func<T, TValue>> selector, bool sortable = true, Func<string, object>? parse = null)
    {
        _fields[name] = new Field(name, selector, typeof(TValue), sortable, parse, CanBeNull(selector, typeof(TValue)));
        return this;
    }

    /// <summary>
    /// A text field with a closed set of values (a status, a kind): <c>eq</c>, <c>neq</c> and <c>in</c> with a value outside
    /// <paramref name="values"/> are a 400 that lists them, as an enum field's are, rather than an empty 200 for a typo.
    /// Patterns (<c>like</c>) are not checked.
    /// </summary>
    public FieldMap<T> AddOneOf(string name, Expression<Func<T, string?>> selector, IReadOnlyCollection<string> values, bool sortable = true)
    {
        _fields[name] = new Field(name, selector, typeof(string), sortable, null, CanBeNull(selector, typeof(string)), values);
        return this;
    }

    private readonly Dictionary<string, string> _derived = new(StringComparer.Ordinal);

    /// <summary>
    /// Names a column the resource returns but computes when it reads (a name looked up from another table, a figure
    /// that depends on the current time): filtering or ordering by it is a 400 that names <paramref name="instead"/>, the
    /// stored column to use, rather than "not a field" for a column the client can see in every row.
    /// </summary>
    public FieldMap<T> Derived(string name, string instead)
    {
        _derived[name] = instead;
        return this;
    }

    public bool Contains(string name) => _fields.ContainsKey(name);

    private Exception Unknown(string name, string use) => _derived.TryGetValue(name, out var instead)
        ? FilterGrammar.Invalid(use == "order" ? "order" : name, $"'{name}' is computed when rows are read and cannot be {(use == "order" ? "sorted" : "filtered")} on: use {instead}.")
        : use == "order"
            ? FilterGrammar.Invalid("order", $"'{name}' is not a sortable field.")
            : FilterGrammar.Invalid(name, $"is not a filterable field. Use one of: {string.Join(", ", _fields.Keys.Order())}.");

    /// <summary>
    /// Filters by a condition or logical group with SQL's three-valued logic, as PostgREST does: a comparison with a
    /// NULL column is unknown, so <c>neq</c>, <c>not.in</c>, <c>not.like</c> (and a <c>not.</c> group around them) never
    /// return rows where the column is NULL; only <c>is.null</c> matches NULL. Values are bound as SQL parameters.
    /// </summary>
    public IQueryable<T> Where(IQueryable<T> query, FilterNode node)
    {
        var parameter = Expression.Parameter(typeof(T), "e");
        var (whenTrue, _) = Build(node, parameter);
        return query.Where(Expression.Lambda<Func<T, bool>>(whenTrue, parameter));
    }

    /// <summary>Orders by the keys; nulls last ascending and first descending unless the key says otherwise, on every provider.</summary>
    public IOrderedQueryable<T> OrderBy(IQueryable<T> query, IReadOnlyList<SortKey> keys)
    {
        if (keys.Count == 0) throw FilterGrammar.Invalid("order", "is empty.");
        IOrderedQueryable<T>? ordered = null;
        foreach (var key in keys)
        {
            if (!_fields.TryGetValue(key.Field, out var field) || !field.Sortable) throw Unknown(key.Field, "order");
            if (field.Nullable)
            {
                // false (0) sorts before true (1) on both providers: order by "is null" to place the nulls.
                var parameter = field.Selector.Parameters[0];
                var isNull = Expression.Lambda(Expression.Equal(field.Selector.Body, Expression.Constant(null, field.Type)), parameter);
                ordered = Order(query, ordered, isNull, typeof(bool), key.NullsComeFirst);
            }
            ordered = Order(query, ordered, field.Selector, field.Type, key.Descending);
        }
        return ordered!;
    }

    private static IOrderedQueryable<T> Order(IQueryable<T> query, IOrderedQueryable<T>? ordered, LambdaExpression selector, Type type, bool descending)
    {
        var method = (ordered is null, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        var call = Expression.Call(typeof(Queryable), method, [typeof(T), type], (ordered ?? query).Expression, Expression.Quote(selector));
        return (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(call);
    }

    /// <summary>The predicate's "is true" and "is false" forms; both are false when the SQL value would be unknown.</summary>
    private (Expression True, Expression False) Build(FilterNode node, ParameterExpression parameter)
    {
        if (node is FilterGroup group)
        {
            var children = group.Children.Select(c => Build(c, parameter)).ToList();
            var whenTrue = children.Select(c => c.True).Aggregate(group.Or ? Expression.OrElse : Expression.AndAlso);
            var whenFalse = children.Select(c => c.False).Aggregate(group.Or ? Expression.AndAlso : Expression.OrElse);
            return group.Negated ? (whenFalse, whenTrue) : (whenTrue, whenFalse);
        }
        var condition = (FilterCondition)node;
        // Conditions built in code skip the grammar; PostgreSQL text cannot hold NUL, so refuse it here for every caller.
        if (condition.Values.Any(v => v.Contains('\0'))) throw FilterGrammar.Invalid(condition.Field, "must not contain the NUL character (%00).");
        if (!_fields.TryGetValue(condition.Field, out var field)) throw Unknown(condition.Field, "filter");
        var member = ReplacingExpressionVisitor.Replace(field.Selector.Parameters[0], parameter, field.Selector.Body);
        (Expression, Expression) result;
        if (condition.Operator == FilterOperator.IsNull)
        {
            // A column that is never null matches no row, as in PostgREST (a query, not a mistake to refuse).
            var isNull = field.Nullable ? Expression.Equal(member, Expression.Constant(null, field.Type)) : (Expression)Expression.Constant(false);
            result = (isNull, Expression.Not(isNull));
        }
        else if (condition.Operator is FilterOperator.IsTrue or FilterOperator.IsFalse)
        {
            // IS TRUE / IS FALSE are never unknown: a NULL column is simply not true (nor false).
            if ((Nullable.GetUnderlyingType(field.Type) ?? field.Type) != typeof(bool)) throw FilterGrammar.Invalid(condition.Field, "'is.true' and 'is.false' need a yes/no field.");
            var test = Expression.Equal(member, Expression.Constant(condition.Operator == FilterOperator.IsTrue, field.Type));
            result = (test, Expression.Not(test));
        }
        else
        {
            var test = Build(field, condition, member);
            var notNull = field.Nullable ? Expression.NotEqual(member, Expression.Constant(null, field.Type)) : null;
            result = notNull is null ? (test, Expression.Not(test)) : (Expression.AndAlso(notNull, test), Expression.AndAlso(notNull, Expression.Not(test)));
        }
        return condition.Negated ? (result.Item2, result.Item1) : result;
    }

    private static Expression Build(Field field, FilterCondition c, Expression member)
    {
        var underlying = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
        var op = c.Operator.ToString().ToLowerInvariant();
        switch (c.Operator)
        {
            case FilterOperator.Like or FilterOperator.Ilike:
                if (underlying != typeof(string)) throw FilterGrammar.Invalid(c.Field, $"'{op}' works on text fields only.");
                // A text field's own reading of values (a folded column folds them) applies to patterns as well.
                var pattern = FilterGrammar.ToLikePattern(field.Parse?.Invoke(c.Values[0]) as string ?? c.Values[0]);
                var like = typeof(SqlText).GetMethod(c.Operator == FilterOperator.Like ? nameof(SqlText.Like) : nameof(SqlText.ILike))!;
                return Expression.Call(like, member, Parameter(pattern, typeof(string)));
            case FilterOperator.Fts or FilterOperator.Plfts or FilterOperator.Phfts or FilterOperator.Wfts:
                if (underlying != typeof(string)) throw FilterGrammar.Invalid(c.Field, $"'{op}' works on text fields only.");
                // The kind and the configuration are checked names, not values: constants in SQL (to_tsvector needs a literal regconfig).
                return Expression.Call(typeof(SqlText).GetMethod(nameof(SqlText.TextSearch))!, member, Parameter(c.Values[0], typeof(string)),
                    Expression.Constant(op), Expression.Constant(c.Config ?? "simple"));
            case FilterOperator.In:
                if (c.Values.Count == 0) throw FilterGrammar.Invalid(c.Field, "'in' needs at least one value.");
                var list = typeof(List<>).MakeGenericType(field.Type);
                var typed = (System.Collections.IList)Activator.CreateInstance(list)!;
                foreach (var v in c.Values) typed.Add(Parse(field, c.Field, v));
                return Expression.Call(Parameter(typed, list), list.GetMethod(nameof(List<int>.Contains))!, member);
            case FilterOperator.Contains:
                var element = ElementType(field.Type) ?? throw FilterGrammar.Invalid(c.Field, "'cs' works on list fields only.");
                var any = typeof(Enumerable).GetMethods().First(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(element);
                return c.Values.Select(value => (Expression)Expression.Call(any, member, Parameter(value, element)))
                    .DefaultIfEmpty(Expression.Constant(true)).Aggregate(Expression.AndAlso);
            default:
                if (ElementType(field.Type) is not null) throw FilterGrammar.Invalid(c.Field, "is a list: use cs.{a,b}.");
                var ranged = c.Operator is FilterOperator.Gt or FilterOperator.Gte or FilterOperator.Lt or FilterOperator.Lte;
                if (ranged && !IsOrdered(underlying) && !IsCompared(underlying))
                    throw FilterGrammar.Invalid(c.Field, $"'{op}' needs a number, date, text or id field.");
                var value = Parameter(Parse(field, c.Field, c.Values[0]), field.Type);
                if (ranged && IsCompared(underlying)) return Compare(c.Operator, member, value, field.Type, underlying);
                return c.Operator switch
                {
                    FilterOperator.Eq => Expression.Equal(member, value),
                    FilterOperator.Neq => Expression.NotEqual(member, value),
                    FilterOperator.Gt => Expression.GreaterThan(member, value),
                    FilterOperator.Gte => Expression.GreaterThanOrEqual(member, value),
                    FilterOperator.Lt => Expression.LessThan(member, value),
                    _ => Expression.LessThanOrEqual(member, value),
                };
        }
    }

    /// <summary>
    /// A value EF Core sends as a SQL parameter: it inlines bare constants into the SQL text, but evaluates a field read
    /// of a captured object (as it does a closure variable) into a parameter.
    /// </summary>
    private static Expression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), nameof(StrongBox<int>.Value));
    }

    private static bool CanBeNull(LambdaExpression selector, Type type)
    {
        if (ElementType(type) is not null) return false;
        if (type.IsValueType) return Nullable.GetUnderlyingType(type) is not null;
        return selector.Body is not MemberExpression { Member: PropertyInfo property }
               || new NullabilityInfoContext().Create(property).ReadState != NullabilityState.NotNull;
    }

    /// <summary>
    /// gt/gte/lt/lte on text and ids, as PostgREST allows (<c>id=gt.&lt;last id&gt;</c> is keyset pagination): written as
    /// <c>string.Compare</c>/<c>Guid.CompareTo</c> against 0, which EF Core translates to SQL's own comparison, so the order
    /// is the database's, the same as <c>order=</c> on that column.
    /// </summary>
    private static Expression Compare(FilterOperator op, Expression member, Expression value, Type type, Type underlying)
    {
        if (type != underlying)
        {
            member = Expression.Property(member, nameof(Nullable<int>.Value));
            value = Expression.Property(value, nameof(Nullable<int>.Value));
        }
        var compared = underlying == typeof(string)
            ? Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, member, value)
            : Expression.Call(member, underlying.GetMethod(nameof(Guid.CompareTo), [underlying])!, value);
        var zero = Expression.Constant(0);
        return op switch
        {
            FilterOperator.Gt => Expression.GreaterThan(compared, zero),
            FilterOperator.Gte => Expression.GreaterThanOrEqual(compared, zero),
            FilterOperator.Lt => Expression.LessThan(compared, zero),
            _ => Expression.LessThanOrEqual(compared, zero),
        };
    }

    private static bool IsCompared(Type t) => t == typeof(string) || t == typeof(Guid);

    private static bool IsOrdered(Type t) => t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(DateTime) || t == typeof(DateOnly);

    private static Type? ElementType(Type t) => t != typeof(string) && t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) ? t.GetGenericArguments()[0] : null;

    private static object? Parse(Field field, string name, string raw)
    {
        if (field.OneOf is { } values && !values.Contains(raw, StringComparer.Ordinal))
            throw FilterGrammar.Invalid(name, $"'{raw}' is not a valid value: use one of: {string.Join(", ", values)}.");
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

    private sealed record Field(string Name, LambdaExpression Selector, Type Type, bool Sortable, Func<string, object>? Parse, bool Nullable,
        IReadOnlyCollection<string>? OneOf = null);
}
