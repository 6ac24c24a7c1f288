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
        b.Property(h => h.StagesFromHere).HasMaxLength(LeadFunnelSql.MaxStagesLength);
        b.HasOne<Lead>().WithMany().HasForeignKey(h => h.LeadId).OnDelete(DeleteBehavior.Cascade);
        // Periods of a pipeline (funnel, time in stage), covering what those queries read so no row is visited (ADR 032).
        b.HasIndex(h => new { h.TenantId, h.PipelineId, h.At, h.LeadId, h.ToStageId, h.FromStageId, h.SecondsInFromStage })
            .HasDatabaseName("IX_lead_stage_history_pipeline_period");
        // Closings (won/lost by period, by owner, by reason; the forecast's won; drill-downs): a tenth of the rows, covered.
        b.HasIndex(h => new { h.TenantId, h.At, h.PipelineId, h.ToStatus, h.FromStatus, h.OwnerId, h.Currency, h.ValueCents, h.LeadId, h.LostReason })
            .HasDatabaseName("IX_lead_stage_history_closings").HasFilter("\"ToStatus\" <> 'open'");
        // Time in stage (ADR 044): only the changes out of a stage with its duration, and only what the average reads — a third
        // narrower than the period index above, so a 90-day window of 100,000 leads reads a third fewer pages.
        b.HasIndex(h => new { h.TenantId, h.PipelineId, h.At, h.FromStageId, h.SecondsInFromStage }).HasDatabaseName("IX_lead_stage_history_stays")
            .HasFilter("\"FromStageId\" IS NOT NULL AND \"SecondsInFromStage\" IS NOT NULL");
        b.HasIndex(h => new { h.TenantId, h.At });
        b.HasIndex(h => new { h.LeadId, h.At });
        // A few leads' changes in a period: the funnel's leads whose path crosses the period's edges (ADR 035), found by lead.
        b.HasIndex(h => new { h.TenantId, h.PipelineId, h.LeadId, h.At, h.ToStageId }).HasDatabaseName("IX_lead_stage_history_lead_path");
        // The funnel's leads whose path starts before the period (ADR 055): each one's first change in the period, with the
        // stages it entered from there on. A lead's first change ever has no previous one and is left out of the index.
        b.HasIndex(h => new { h.TenantId, h.PipelineId, h.At, h.PreviousAt, h.StagesFromHere, h.LeadId }).HasDatabaseName("IX_lead_stage_history_suffixes")
            .HasFilter("\"PreviousAt\" IS NOT NULL");
    }
}

internal sealed class LeadFunnelConfiguration : IEntityTypeConfiguration<LeadFunnel>
{
    public void Configure(EntityTypeBuilder<LeadFunnel> b)
    {
        b.ToTable("lead_funnels");
        b.HasKey(f => new { f.LeadId, f.PipelineId });
        b.Property(f => f.Stages).HasMaxLength(LeadFunnelSql.MaxStagesLength);
        // No foreign key to leads: the triggers rewrite a lead's row while a cascade deletes its history, after the lead is gone.
        // The funnel of a pipeline and period (ADR 035): paths starting in the period, covering what it reads.
        b.HasIndex(f => new { f.TenantId, f.PipelineId, f.FirstAt, f.LastAt, f.Stages, f.LeadId }).HasDatabaseName("IX_lead_funnels_period");
        // The few paths whose stage set was too long to keep (ADR 055 reads them by their first change without scanning the period's paths).
        b.HasIndex(f => new { f.TenantId, f.PipelineId, f.FirstAt, f.LeadId }).HasDatabaseName("IX_lead_funnels_overflow")
            .HasFilter("\"Stages\" = '" + LeadFunnel.Overflow + "'");
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
        // Covering the figures' columns (duration buckets, medians, per rep), so a period is read from the index alone.
        b.HasIndex(r => new { r.TenantId, r.Kind, r.RespondedAt, r.ResponderId, r.Seconds });
        b.HasIndex(r => new { r.TenantId, r.Kind, r.WaitingSince, r.Seconds });
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
