using SalesCrm.Core.Common;

namespace SalesCrm.Core.Gamification;

/// <summary>A multiple-choice quiz on a published knowledge document; each member completes it once (<see cref="QuizAttempt"/>).</summary>
public sealed class Quiz : ITenantOwned
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid DocumentId { get; set; }
    public required string Title { get; set; }
    public List<QuizQuestion> Questions { get; set; } = [];
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
