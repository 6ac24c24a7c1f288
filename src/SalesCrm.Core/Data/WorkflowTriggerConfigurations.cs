using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Workflows;
using SalesCrm.Core.Workflows.Triggers;

namespace SalesCrm.Core.Data;

internal sealed class WorkflowWebhookSecretConfiguration : IEntityTypeConfiguration<WorkflowWebhookSecret>
{
    public void Configure(EntityTypeBuilder<WorkflowWebhookSecret> b)
    {
        b.ToTable("workflow_webhook_secrets");
        b.HasKey(s => s.WorkflowId);
        b.Property(s => s.SecretProtected).HasMaxLength(1000);
        b.HasOne<Workflow>().WithMany().HasForeignKey(s => s.WorkflowId).OnDelete(DeleteBehavior.Cascade);
    }
}
