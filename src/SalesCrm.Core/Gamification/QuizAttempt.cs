using SalesCrm.Core.Common;

namespace SalesCrm.Core.Gamification;

/// <summary>A member's answers to a quiz: how many were right; one per member and quiz.</summary>
public sealed class QuizAttempt : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid QuizId { get; set; }
    public Guid UserId { get; set; }
    public int Correct { get; set; }
    public int Total { get; set; }
    public DateTime CompletedAt { get; set; }
    public Guid EventId { get; set; }
}
