using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Data;

internal sealed class LeadStageHistoryConfiguration : IEntityTypeConfiguration<LeadStageHistory>
{
    public void Configure(EntityTypeBuilder<LeadStageHistory> b)
    {
        b.ToTable("lead_stage_history");
        b.Property(h => h.FromStatus).HasConversion<SnakeEnumConverter<LeadStatus>>().HasMaxLength(10);
        b.Property(h => h.ToStatus).HasConversion<SnakeEnumConverter<LeadStatus>>().HasMaxLength(10);
        b.Property(h => h.Origin).HasConversion<SnakeEnumConverter<StageHistoryOrigin>>().HasMaxLength(12);
        b.Property(h => h.LostReason).HasMaxLength(500);
        b.Property(h => h.ActorName).HasMaxLength(200);
        b.Property(h => h.Currency).HasMaxLength(3);
        b.HasOne<Lead>().WithMany().HasForeignKey(h => h.LeadId).OnDelete(DeleteBehavior.Cascade);
        // Periods of a pipeline (conversion, won/lost by period, time in stage) and one lead's history in order.
        b.HasIndex(h => new { h.TenantId, h.PipelineId, h.At });
        b.HasIndex(h => new { h.TenantId, h.At });
        b.HasIndex(h => new { h.LeadId, h.At });
    }
}

internal sealed class LeadResponseConfiguration : IEntityTypeConfiguration<LeadResponse>
{
    public void Configure(EntityTypeBuilder<LeadResponse> b)
    {
        b.ToTable("lead_responses");
        b.Property(r => r.Kind).HasConversion<SnakeEnumConverter<ResponseKind>>().HasMaxLength(20);
        b.Property(r => r.Channel).HasMaxLength(20);
        b.HasOne<Lead>().WithMany().HasForeignKey(r => r.LeadId).OnDelete(DeleteBehavior.Cascade);
        // A lead's open waits (an outbound contact closes them); answers and waits by period.
        b.HasIndex(r => new { r.LeadId, r.RespondedAt });
        b.HasIndex(r => new { r.TenantId, r.Kind, r.RespondedAt });
        b.HasIndex(r => new { r.TenantId, r.Kind, r.WaitingSince });
    }
}

internal sealed class MarketingSpendConfiguration : IEntityTypeConfiguration<MarketingSpend>
{
    public void Configure(EntityTypeBuilder<MarketingSpend> b)
    {
        b.ToTable("marketing_spend");
        b.Property(s => s.Campaign).HasMaxLength(200);
        b.Property(s => s.Currency).HasMaxLength(3);
        b.HasIndex(s => new { s.TenantId, s.Campaign, s.Month, s.Currency }).IsUnique();
        b.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
