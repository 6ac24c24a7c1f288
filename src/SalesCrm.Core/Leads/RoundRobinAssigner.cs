using Microsoft.EntityFrameworkCore;
using SalesCrm.Core.Data;

namespace SalesCrm.Core.Leads;

/// <summary>
/// The workspace's one round robin (new leads with <c>RoundRobinAssignment</c>, the workflow <c>assign</c> node, the bot's
/// hand-off): the member of a role who was assigned longest ago (never-assigned first, then by joining order) takes the turn.
/// The turn is taken with a compare-and-set on <see cref="Tenancy.Membership.LastAssignedAt"/>, so two concurrent picks
/// (two instances on one PostgreSQL) never give the same member the same turn: the loser's update finds the value changed
/// (on PostgreSQL it waits for the winner's row lock, then re-reads) and picks again. Runs on the caller's context and inside
/// its transaction when it has one, so a rolled-back capture gives the turn back.
/// </summary>
public static class RoundRobinAssigner
{
    private const int Attempts = 5;

    /// <summary>The user id of the next member whose role has key or name <paramref name="role"/>; null when the role has nobody.</summary>
    public static async Task<Guid?> NextAsync(CrmDbContext db, string role, DateTime now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var next = await db.Memberships.AsNoTracking().Where(m => m.Role!.Key == role || m.Role!.Name == role)
                .OrderBy(m => m.LastAssignedAt.HasValue).ThenBy(m => m.LastAssignedAt).ThenBy(m => m.CreatedAt)
                .Select(m => new { m.Id, m.UserId, m.LastAssignedAt }).FirstOrDefaultAsync(ct);
            if (next is null) return null;
            var seen = next.LastAssignedAt;
            var taken = attempt == Attempts
                // Under sustained contention give up fairness rather than the assignment.
                ? await db.Memberships.Where(m => m.Id == next.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastAssignedAt, now), ct)
                : await db.Memberships.Where(m => m.Id == next.Id && m.LastAssignedAt == seen).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastAssignedAt, now), ct);
            if (taken == 1) return next.UserId;
        }
    }
}
