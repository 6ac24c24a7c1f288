using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// Lead figures grouped by one or two <see cref="LeadDimension"/>s in one SQL query: the engine behind the leads and marketing
/// dashboards and custom reports. The cohort is the visible leads created in the scope's period, narrowed by PostgREST filters.
/// </summary>
public static class LeadCube
{
    /// <summary>
    /// Groups of the cohort by <paramref name="dimensions"/> (one or two), largest first; each with its drill-down URL.
    /// <paramref name="filters"/> are lead-list filters (<see cref="LeadQuery.Fields"/>) applied before grouping.
    /// </summary>
    public static async Task<IReadOnlyList<CubeCell>> GroupAsync(AnalyticsScope scope, IReadOnlyList<LeadDimension> dimensions, IReadOnlyList<FilterNode> filters,
        CancellationToken ct)
    {
        var cohort = scope.Leads.Where(l => l.CreatedAt >= scope.Period.StartUtc && l.CreatedAt < scope.Period.EndUtc);
        foreach (var filter in filters) cohort = LeadQuery.Fields.Where(cohort, filter);
        var probabilities = await scope.Db.Stages.AsNoTracking().Select(s => new { s.Id, s.Probability }).ToListAsync(ct);
        var rows = cohort.Select(Row(probabilities.Select(p => (p.Id, p.Probability)).ToList()));
        var keys = dimensions.Select(d => Key(scope, d)).ToList();
        var method = typeof(LeadCube).GetMethod(dimensions.Count == 1 ? nameof(GroupOneAsync) : nameof(GroupTwoAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(keys.Select(k => k.Selector.ReturnType).ToArray());
        var raw = await (Task<List<(object?[] Keys, Sums Sums)>>)method.Invoke(null, [rows, keys.Select(k => k.Selector).ToArray(), scope.Currency, ct])!;
        var labels = await LabelsAsync(scope, dimensions, raw.SelectMany(r => r.Keys), ct);
        return raw.Select(r =>
        {
            var texts = r.Keys.Select((k, i) => keys[i].Text(k)).ToList();
            var url = scope.LeadsUrl(new[] { ("created_at", $"gte.{AnalyticsScope.Iso(scope.Period.StartUtc)}"), ("created_at", $"lt.{AnalyticsScope.Iso(scope.Period.EndUtc)}") }
                .Concat(r.Keys.SelectMany((k, i) => keys[i].Filter(k))).ToArray());
            return new CubeCell(texts, texts.Select((t, i) => t is null ? null : labels.GetValueOrDefault((dimensions[i], t), t)).ToList(),
                r.Sums.Leads, r.Sums.Open, r.Sums.Won, r.Sums.Lost, AnalyticsScope.Money(r.Sums.Cents), AnalyticsScope.Money(r.Sums.WonCents),
                Math.Round(AnalyticsScope.Money(r.Sums.WeightedCentsPercent) / 100m, 2), url);
        }).OrderBy(c => dimensions.Any(IsPeriod) ? 0 : -c.Leads).ThenBy(c => string.Join("\u0001", c.Keys), StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A lead as the cube reads it, its stage's probability a <c>CASE</c> over the workspace's stages (a few dozen) instead of a
    /// join to <c>stages</c>: the cohort is then read from <c>IX_leads_analytics_cohort</c> alone, without a lookup per lead (ADR 044).
    /// Every lead's stage is one of its workspace's (a foreign key), so the rows are those the join gave.
    /// </summary>
    private static Expression<Func<Lead, CubeRow>> Row(IReadOnlyList<(Guid Id, int Probability)> stages)
    {
        Expression<Func<Lead, CubeRow>> row = l => new CubeRow
        {
            Id = l.Id, Source = l.Source, UtmSource = l.UtmSource, UtmMedium = l.UtmMedium, UtmCampaign = l.UtmCampaign, OwnerId = l.OwnerId,
            PipelineId = l.PipelineId, StageId = l.StageId, Status = l.Status, Priority = l.Priority, ValueCents = l.ValueCents, Currency = l.Currency,
            CreatedAt = l.CreatedAt, Probability = 0,
        };
        var lead = row.Parameters[0];
        var stage = Expression.Property(lead, nameof(Lead.StageId));
        Expression probability = Expression.Constant(0);
        foreach (var (id, p) in stages.Reverse())
            probability = Expression.Condition(Expression.Equal(stage, Expression.Constant(id)), Expression.Constant(p), probability);
        var init = (MemberInitExpression)row.Body;
        return Expression.Lambda<Func<Lead, CubeRow>>(Expression.MemberInit(init.NewExpression, init.Bindings.Select(b =>
            b.Member.Name == nameof(CubeRow.Probability) ? Expression.Bind(b.Member, probability) : b)), lead);
    }

    public static bool IsPeriod(LeadDimension d) => d is LeadDimension.Day or LeadDimension.Week or LeadDimension.Month;

    /// <summary>Sums of one group, money in minor units (weighted: minor units × percent).</summary>
    private sealed class Sums
    {
        public int Leads { get; init; }
        public int Open { get; init; }
        public int Won { get; init; }
        public int Lost { get; init; }
        public long Cents { get; init; }
        public long WonCents { get; init; }
        public long WeightedCentsPercent { get; init; }
    }

    private sealed class Pair<TA, TB>
    {
        public TA A { get; init; } = default!;
        public TB B { get; init; } = default!;
    }

    private sealed class Group<TKey>
    {
        public TKey Key { get; init; } = default!;
        public Sums Sums { get; init; } = null!;
    }

    private static Expression<Func<IGrouping<TKey, CubeRow>, Group<TKey>>> Aggregate<TKey>(string cur) => g => new Group<TKey>
    {
        Key = g.Key,
        Sums = new Sums
        {
            Leads = g.Count(), Open = g.Count(r => r.Status == LeadStatus.Open), Won = g.Count(r => r.Status == LeadStatus.Won),
            Lost = g.Count(r => r.Status == LeadStatus.Lost), Cents = g.Sum(r => r.Currency == cur ? r.ValueCents : 0),
            WonCents = g.Sum(r => r.Status == LeadStatus.Won && r.Currency == cur ? r.ValueCents : 0),
            WeightedCentsPercent = g.Sum(r => r.Status == LeadStatus.Open && r.Currency == cur ? r.ValueCents * r.Probability : 0),
        },
    };

    private static async Task<List<(object?[] Keys, Sums Sums)>> GroupOneAsync<TA>(IQueryable<CubeRow> rows, LambdaExpression[] keys, string cur, CancellationToken ct) =>
        (await rows.GroupBy((Expression<Func<CubeRow, TA>>)keys[0]).Select(Aggregate<TA>(cur)).ToListAsync(ct))
        .Select(g => (new object?[] { g.Key }, g.Sums)).ToList();

    private static async Task<List<(object?[] Keys, Sums Sums)>> GroupTwoAsync<TA, TB>(IQueryable<CubeRow> rows, LambdaExpression[] keys, string cur, CancellationToken ct)
    {
        var row = Expression.Parameter(typeof(CubeRow), "r");
        var pair = Expression.Lambda<Func<CubeRow, Pair<TA, TB>>>(Expression.MemberInit(Expression.New(typeof(Pair<TA, TB>)),
            Expression.Bind(typeof(Pair<TA, TB>).GetProperty(nameof(Pair<TA, TB>.A))!, Expression.Invoke(keys[0], row)),
            Expression.Bind(typeof(Pair<TA, TB>).GetProperty(nameof(Pair<TA, TB>.B))!, Expression.Invoke(keys[1], row))), row);
        return (await rows.GroupBy(Inline(pair)).Select(Aggregate<Pair<TA, TB>>(cur)).ToListAsync(ct))
            .Select(g => (new object?[] { g.Key.A, g.Key.B }, g.Sums)).ToList();
    }

    /// <summary>Replaces <c>Invoke(lambda, r)</c> with the lambda's body, which EF translates.</summary>
    private static Expression<T> Inline<T>(Expression<T> expression) => (Expression<T>)new InvokeInliner().Visit(expression);

    private sealed class InvokeInliner : ExpressionVisitor
    {
        protected override Expression VisitInvocation(InvocationExpression node) =>
            node.Expression is LambdaExpression lambda ? Visit(new Rebind(lambda.Parameters[0], node.Arguments[0]).Visit(lambda.Body)) : base.VisitInvocation(node);
    }

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>A dimension's grouping key in SQL, its API text, and the lead-list filters that select a group.</summary>
    private sealed record KeySpec(LambdaExpression Selector, Func<object?, string?> Text, Func<object?, IEnumerable<(string, string)>> Filter);

    private static KeySpec Key(AnalyticsScope scope, LeadDimension dimension)
    {
        static IEnumerable<(string, string)> Eq(string field, string? text) => [(field, text is null ? "is.null" : $"eq.{text}")];
        KeySpec Text(Expression<Func<CubeRow, string?>> e, string field) => new(e, k => (string?)k, k => Eq(field, (string?)k));
        KeySpec Id(Expression<Func<CubeRow, Guid?>> e, string field) => new(e, k => k?.ToString(), k => Eq(field, k?.ToString()));
        KeySpec Enum<TEnum>(Expression<Func<CubeRow, TEnum>> e, string field) where TEnum : struct, System.Enum =>
            new(e, k => SnakeEnum.ToText((TEnum)k!), k => Eq(field, SnakeEnum.ToText((TEnum)k!)));
        KeySpec Period(PeriodGrain grain)
        {
            var buckets = scope.Period.Buckets(grain);
            var starts = buckets.Select(b => scope.Period.UtcStartOf(b.Start)).ToList();
            var ends = starts.Skip(1).Append(scope.Period.EndUtc).ToList();
            return new(ReportPeriod.BucketIndex<CubeRow, DateTime>(r => r.CreatedAt, starts), k => buckets[(int)k!].Label,
                k => [("created_at", $"gte.{AnalyticsScope.Iso(starts[(int)k!])}"), ("created_at", $"lt.{AnalyticsScope.Iso(ends[(int)k!])}")]);
        }
        return dimension switch
        {
            LeadDimension.Source => Enum<LeadSource>(r => r.Source, "source"),
            LeadDimension.UtmSource => Text(r => r.UtmSource, "utm_source"),
            LeadDimension.UtmMedium => Text(r => r.UtmMedium, "utm_medium"),
            LeadDimension.UtmCampaign => Text(r => r.UtmCampaign, "utm_campaign"),
            LeadDimension.Owner => Id(r => r.OwnerId, "owner_id"),
            LeadDimension.Pipeline => Id(r => (Guid?)r.PipelineId, "pipeline_id"),
            LeadDimension.Stage => Id(r => (Guid?)r.StageId, "stage_id"),
            LeadDimension.Status => Enum<LeadStatus>(r => r.Status, "status"),
            LeadDimension.Priority => Enum<LeadPriority>(r => r.Priority, "priority"),
            LeadDimension.Day => Period(PeriodGrain.Day),
            LeadDimension.Week => Period(PeriodGrain.Week),
            _ => Period(PeriodGrain.Month),
        };
    }

    /// <summary>Names for the ids among the keys: owners (members), stages and pipelines.</summary>
    private static async Task<Dictionary<(LeadDimension, string), string>> LabelsAsync(AnalyticsScope scope, IReadOnlyList<LeadDimension> dimensions,
        IEnumerable<object?> keys, CancellationToken ct)
    {
        var ids = keys.OfType<Guid>().Distinct().ToList();
        var labels = new Dictionary<(LeadDimension, string), string>();
        if (ids.Count == 0) return labels;
        if (dimensions.Contains(LeadDimension.Owner))
            foreach (var u in await scope.Db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct)) labels[(LeadDimension.Owner, u.Id.ToString())] = u.Name;
        if (dimensions.Contains(LeadDimension.Stage))
            foreach (var s in await scope.Db.Stages.Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct)) labels[(LeadDimension.Stage, s.Id.ToString())] = s.Name;
        if (dimensions.Contains(LeadDimension.Pipeline))
            foreach (var p in await scope.Db.Pipelines.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct)) labels[(LeadDimension.Pipeline, p.Id.ToString())] = p.Name;
        return labels;
    }
}
