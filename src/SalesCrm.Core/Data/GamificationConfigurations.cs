using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Gamification;
using SalesCrm.Core.Knowledge;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Data;

internal sealed class PointRuleConfiguration : IEntityTypeConfiguration<PointRule>
{
    public void Configure(EntityTypeBuilder<PointRule> b)
    {
        b.ToTable("point_rules");
        b.Property(r => r.Key).HasMaxLength(40);
        b.HasIndex(r => new { r.TenantId, r.Key }).IsUnique();
        b.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PointAwardConfiguration : IEntityTypeConfiguration<PointAward>
{
    public void Configure(EntityTypeBuilder<PointAward> b)
    {
        b.ToTable("point_awards");
        b.Property(a => a.RuleKey).HasMaxLength(40);
        // One award per source and rule: what makes scoring an event twice (live, then a replay) earn nothing more.
        b.HasIndex(a => new { a.TenantId, a.SourceId, a.RuleKey }).IsUnique();
        // Leaderboards by period; one member's activities by rule (missions).
        b.HasIndex(a => new { a.TenantId, a.OccurredAt });
        b.HasIndex(a => new { a.TenantId, a.UserId, a.RuleKey, a.OccurredAt });
        b.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MissionConfiguration : IEntityTypeConfiguration<Mission>
{
    public void Configure(EntityTypeBuilder<Mission> b)
    {
        b.ToTable("missions");
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.RuleKey).HasMaxLength(40);
        b.Property(m => m.Period).HasConversion<SnakeEnumConverter<MissionPeriod>>().HasMaxLength(10);
        b.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MissionCompletionConfiguration : IEntityTypeConfiguration<MissionCompletion>
{
    public void Configure(EntityTypeBuilder<MissionCompletion> b)
    {
        b.ToTable("mission_completions");
        // Once per member, mission and period: mission.completed is emitted once.
        b.HasIndex(c => new { c.TenantId, c.MissionId, c.UserId, c.PeriodStart }).IsUnique();
        b.HasOne<Mission>().WithMany().HasForeignKey(c => c.MissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.ToTable("checkins");
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.PhotoKey).HasMaxLength(200);
        b.Property(c => c.PhotoContentType).HasMaxLength(50);
        b.HasOne<Lead>().WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.TenantId, c.CreatedAt });
        b.HasIndex(c => new { c.LeadId, c.CreatedAt });
    }
}

internal sealed class QuizConfiguration : IEntityTypeConfiguration<Quiz>
{
    public void Configure(EntityTypeBuilder<Quiz> b)
    {
        b.ToTable("quizzes");
        b.Property(q => q.Title).HasMaxLength(200);
        b.Property(q => q.Questions).HasConversion(Json.Converter<List<QuizQuestion>>(), Json.Comparer<List<QuizQuestion>>());
        b.HasOne<KnowledgeDocument>().WithMany().HasForeignKey(q => q.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> b)
    {
        b.ToTable("quiz_attempts");
        b.HasIndex(a => new { a.TenantId, a.QuizId, a.UserId }).IsUnique();
        b.HasOne<Quiz>().WithMany().HasForeignKey(a => a.QuizId).OnDelete(DeleteBehavior.Cascade);
    }
}
