using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Tenancy;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Core.Data;

internal sealed class WorkflowConfiguration : IEntityTypeConfiguration<Workflow>
{
    public void Configure(EntityTypeBuilder<Workflow> b)
    {
        b.ToTable("workflows");
        b.Property(w => w.Name).HasMaxLength(WorkflowService.MaxNameLength);
        b.Property(w => w.Description).HasMaxLength(WorkflowService.MaxDescriptionLength);
        b.Property(w => w.Revision).HasDefaultValue(1).IsConcurrencyToken();
        // The triggers of active workflows are looked up per tenant on every event.
        b.HasIndex(w => new { w.TenantId, w.IsActive });
        b.HasOne<Tenant>().WithMany().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowVersionConfiguration : IEntityTypeConfiguration<WorkflowVersion>
{
    public void Configure(EntityTypeBuilder<WorkflowVersion> b)
    {
        b.ToTable("workflow_versions");
        b.Property(v => v.PublishedByName).HasMaxLength(200);
        b.HasIndex(v => new { v.WorkflowId, v.Version }).IsUnique();
        b.HasOne<Workflow>().WithMany().HasForeignKey(v => v.WorkflowId).OnDelete(DeleteBehavior.Cascade);
    }
}
