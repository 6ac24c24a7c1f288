using System.Linq.Expressions;
using SalesCrm.Core.Pipelines;

namespace SalesCrm.Core.Analytics;

/// <summary>
/// One stage change as the funnel query reads it: the lead, the stage entered and its order (null for a lost stage or one no
/// longer in the pipeline). <see cref="PathOf"/> folds a lead's steps into a <see cref="FunnelPath"/>.
/// </summary>
internal sealed class FunnelStep
{
    /// <summary>Stages a path's mask has room for (bits of a signed 64-bit sum).</summary>
    public const int MaxBits = 62;

    public Guid LeadId { get; init; }
    public Guid StageId { get; init; }
    public int? Order { get; init; }

    /// <summary>
    /// A lead's path: its highest order, and the stages it entered as a mask — the sum over the first <see cref="MaxBits"/>
    /// stages of <c>MAX(CASE WHEN stage = sᵢ THEN 2ⁱ ELSE 0 END)</c>, which SQLite evaluates faster than <c>SUM(DISTINCT …)</c>
    /// (no temporary table per lead).
    /// </summary>
    public static Expression<Func<IGrouping<Guid, FunnelStep>, FunnelPath>> PathOf(IReadOnlyList<Stage> stages)
    {
        var g = Expression.Parameter(typeof(IGrouping<Guid, FunnelStep>), "g");
        var max = MethodOf(x => x.Max(f => 0L));
        var maxOrder = MethodOf(x => x.Max(f => f.Order));
        Expression<Func<FunnelStep, int?>> order = f => f.Order;
        Expression mask = Expression.Constant(0L);
        for (var i = 0; i < Math.Min(stages.Count, MaxBits); i++)
        {
            var f = Expression.Parameter(typeof(FunnelStep), "f");
            var bit = Expression.Lambda<Func<FunnelStep, long>>(Expression.Condition(
                Expression.Equal(Expression.Property(f, nameof(StageId)), Expression.Constant(stages[i].Id)), Expression.Constant(1L << i), Expression.Constant(0L)), f);
            mask = i == 0 ? Expression.Call(max, g, bit) : Expression.Add(mask, Expression.Call(max, g, bit));
        }
        return Expression.Lambda<Func<IGrouping<Guid, FunnelStep>, FunnelPath>>(Expression.MemberInit(Expression.New(typeof(FunnelPath)),
            Expression.Bind(typeof(FunnelPath).GetProperty(nameof(FunnelPath.Highest))!, Expression.Call(maxOrder, g, order)),
            Expression.Bind(typeof(FunnelPath).GetProperty(nameof(FunnelPath.Mask))!, mask)), g);
    }

    private static System.Reflection.MethodInfo MethodOf<T>(Expression<Func<IGrouping<Guid, FunnelStep>, T>> call) => ((MethodCallExpression)call.Body).Method;

    /// <summary>The projection, with the stage orders as constants in a <c>CASE</c>, so the query needs no join to <c>stages</c>.</summary>
    public static Expression<Func<LeadStageHistory, FunnelStep>> Of(IReadOnlyList<Stage> stages)
    {
        var h = Expression.Parameter(typeof(LeadStageHistory), "h");
        var to = Expression.Property(h, nameof(LeadStageHistory.ToStageId));
        Expression order = Expression.Constant(null, typeof(int?));
        foreach (var stage in stages.Where(s => s.Kind != StageKind.Lost).Reverse())
            order = Expression.Condition(Expression.Equal(to, Expression.Constant(stage.Id)), Expression.Constant(stage.Order, typeof(int?)), order);
        return Expression.Lambda<Func<LeadStageHistory, FunnelStep>>(Expression.MemberInit(Expression.New(typeof(FunnelStep)),
            Expression.Bind(typeof(FunnelStep).GetProperty(nameof(LeadId))!, Expression.Property(h, nameof(LeadStageHistory.LeadId))),
            Expression.Bind(typeof(FunnelStep).GetProperty(nameof(StageId))!, to),
            Expression.Bind(typeof(FunnelStep).GetProperty(nameof(Order))!, order)), h);
    }
}
