using SalesCrm.Core.Data;
using SalesCrm.Core.Gamification;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>A mission as a manager fills it in: new (<see cref="Id"/> null) or an existing one being changed.</summary>
public sealed class MissionDraft
{
    public Guid? Id { get; init; }
    public string? Title { get; set; }
    public string RuleKey { get; set; } = Core.Events.EventTypes.VisitCompleted;
    public int? Target { get; set; } = 5;
    public MissionPeriod Period { get; set; } = MissionPeriod.Week;
    public int? Points { get; set; } = 20;

    public static MissionDraft From(MissionDto m) => new() { Id = m.Id, Title = m.Title, RuleKey = m.RuleKey, Target = m.Target, Period = m.Period, Points = m.Points };

    public MissionInput ToInput() => new(Title, RuleKey, Target, SnakeEnum.ToText(Period), Points, null);
}
