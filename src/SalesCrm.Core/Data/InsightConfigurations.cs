using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Insights;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Data;

internal sealed class InsightConfiguration : IEntityTypeConfiguration<Insight>
{
    public void Configure(EntityTypeBuilder<Insight> b)
    {
        b.ToTable("insights");
        b.Property(i => i.Kind).HasConversion<SnakeEnumConverter<InsightKind>>().HasMaxLength(40);
        b.Property(i => i.Priority).HasConversion<SnakeEnumConverter<InsightPriority>>().HasMaxLength(10);
        b.Property(i => i.Status).HasConversion<SnakeEnumConverter<InsightStatus>>().HasMaxLength(10);
        b.Property(i => i.Title).HasMaxLength(200);
        b.Property(i => i.Description).HasMaxLength(2000);
        b.Property(i => i.Recommendation).HasMaxLength(1000);
        b.Property(i => i.TextSource).HasMaxLength(10);
        b.Property(i => i.DedupeKey).HasMaxLength(120);
        // Re-running the job the same day refreshes the row with the key instead of adding one.
        b.HasIndex(i => new { i.TenantId, i.DedupeKey }).IsUnique();
        b.HasIndex(i => new { i.TenantId, i.Status, i.GeneratedAt });
        b.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
