using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace SalesCrm.Core.Leads;

/// <summary>
/// When a card rots: an open lead idle (no stage move, no interaction) for longer than its stage's "rotten after N
/// days". One rule for the board's flag (<see cref="IsRotting"/>) and for queries that count rotting deals (<see cref="Filter"/>).
/// </summary>
public static class LeadRotting
{
    public static bool IsRotting(Lead lead, int? rottenAfterDays, DateTime now) =>
        lead.Status == LeadStatus.Open && rottenAfterDays is { } days && now - IdleSince(lead) > TimeSpan.FromDays(days);

    public static DateTime IdleSince(Lead lead) => lead.LastInteractionAt is { } last && last > lead.StageEnteredAt ? last : lead.StageEnteredAt;

    /// <summary>
    /// The same rule as a query filter, for the stages that rot (id → days). Each stage's cutoff is a query parameter, so
    /// the translated SQL stays the same from one call to the next. No stage that rots: nothing matches.
    /// </summary>
    public static Expression<Func<Lead, bool>> Filter(IEnumerable<(Guid StageId, int Days)> stages, DateTime now)
    {
        var lead = Expression.Parameter(typeof(Lead), "l");
        Expression? any = null;
        foreach (var (stageId, days) in stages)
        {
            var cutoff = now.AddDays(-days);
            Expression<Func<Lead, bool>> one = l => l.StageId == stageId && l.StageEnteredAt < cutoff && (l.LastInteractionAt == null || l.LastInteractionAt < cutoff);
            var body = ReplacingExpressionVisitor.Replace(one.Parameters[0], lead, one.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }
        var open = Expression.Equal(Expression.Property(lead, nameof(Lead.Status)), Expression.Constant(LeadStatus.Open));
        return Expression.Lambda<Func<Lead, bool>>(any is null ? Expression.Constant(false) : Expression.AndAlso(open, any), lead);
    }
}
