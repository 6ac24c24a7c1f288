using SalesCrm.Core.Activities;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Home;

/// <summary>
/// The signed-in member's day, for the home page: their open activities overdue and due today, and over the leads they
/// may see, conversations with unread messages (and how many messages), rotting deals and leads created today in the
/// workspace's zone. Counts stop at <see cref="MyDayService.CountCap"/> (<see cref="TopItems{T}.Capped"/>).
/// </summary>
public sealed record MyDay(TopItems<ActivityDto> Overdue, TopItems<ActivityDto> DueToday, TopItems<UnreadConversation> Conversations, TopItems<Guid> UnreadMessages,
    TopItems<DayLead> RottingDeals, TopItems<DayLead> NewLeads)
{
    /// <summary>The activities to list: overdue ones first, then the rest of today's (an activity due earlier today is both).</summary>
    public IReadOnlyList<ActivityDto> Activities(int take) =>
        Overdue.Items.Concat(DueToday.Items.Where(a => Overdue.Items.All(o => o.Id != a.Id))).Take(take).ToList();
}
