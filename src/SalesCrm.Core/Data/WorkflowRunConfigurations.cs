using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Runs;

namespace SalesCrm.Core.Data;

internal sealed class WorkflowRunConfiguration : IEntityTypeConfiguration<WorkflowRun>
{
    public void Configure(EntityTypeBuilder<WorkflowRun> b)
    {
        b.ToTable("workflow_runs");
        b.Property(r => r.Status).HasMaxLength(12);
        b.Property(r => r.SubStatus).HasMaxLength(40);
        b.Property(r => r.CurrentNode).HasMaxLength(100);
        b.Property(r => r.ClaimedBy).HasMaxLength(200);
        b.Property(r => r.WaitEventType).HasMaxLength(60);
        b.Property(r => r.WaitDescription).HasMaxLength(500);
        b.Property(r => r.Error).HasMaxLength(2000);
        b.Property(r => r.TriggerKind).HasMaxLength(20);
        b.HasOne<Workflow>().WithMany().HasForeignKey(r => r.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        // Claims: runnable runs by status and due time / lease; bookmarks by event type and lead; lists by workflow and lead.
        b.HasIndex(r => new { r.Status, r.LeaseUntil });
        b.HasIndex(r => new { r.Status, r.WaitUntil });
        b.HasIndex(r => new { r.WaitEventType, r.WaitLeadId });
        b.HasIndex(r => new { r.TenantId, r.WorkflowId, r.StartedAt });
        b.HasIndex(r => new { r.TenantId, r.LeadId });
        b.HasIndex(r => r.CorrelationId);
    }
}

internal sealed class WorkflowRunStepConfiguration : IEntityTypeConfiguration<WorkflowRunStep>
{
    public void Configure(EntityTypeBuilder<WorkflowRunStep> b)
    {
        b.ToTable("workflow_run_steps");
        b.Property(s => s.NodeId).HasMaxLength(100);
        b.Property(s => s.Type).HasMaxLength(40);
        b.Property(s => s.Status).HasMaxLength(12);
        b.Property(s => s.Error).HasMaxLength(2000);
        b.Property(s => s.IdempotencyKey).HasMaxLength(200);
        b.Property(s => s.Port).HasMaxLength(40);
        b.HasOne<WorkflowRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        // A step is written once per run and key (ADR 051): a second engine inserting it fails and rolls back.
        b.HasIndex(s => new { s.RunId, s.IdempotencyKey }).IsUnique();
    }
}

internal sealed class WorkflowQueueItemConfiguration : IEntityTypeConfiguration<WorkflowQueueItem>
{
    public void Configure(EntityTypeBuilder<WorkflowQueueItem> b)
    {
        b.ToTable("workflow_queue");
        b.Property(q => q.EventType).HasMaxLength(60);
        b.Property(q => q.Status).HasMaxLength(12);
        b.Property(q => q.Error).HasMaxLength(2000);
        b.Property(q => q.ClaimedBy).HasMaxLength(200);
        b.Property(q => q.TriggerKind).HasMaxLength(20);
        b.HasOne<Workflow>().WithMany().HasForeignKey(q => q.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Tenant>().WithMany().HasForeignKey(q => q.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => new { q.Status, q.LeaseUntil });
        b.HasIndex(q => new { q.TenantId, q.CreatedAt });
        // One queue item per workflow and triggering event: a redone outbox hand-off does not start a second run.
        b.HasIndex(q => new { q.WorkflowId, q.EventId }).IsUnique().HasFilter("\"EventId\" IS NOT NULL");
    }
}
