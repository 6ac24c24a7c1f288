using SalesCrm.Core.Activities;

namespace SalesCrm.Core.Home;

/// <summary>
/// The signed-in member's day, for the home page: their open activities overdue and due today (<see cref="Activities"/>
/// lists overdue ones first), and over the leads they may see, conversations with unread messages, rotting deals and
/// leads created today in the workspace's zone.
/// </summary>
public sealed record MyDay(int Overdue, int DueToday, IReadOnlyList<ActivityDto> Activities, int UnreadMessages,
    TopItems<UnreadConversation> Conversations, TopItems<DayLead> RottingDeals, TopItems<DayLead> NewLeads);
