using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Email;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Data;

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> b)
    {
        b.ToTable("email_messages");
        b.Property(m => m.To).HasMaxLength(EmailMessage.MaxAddressLength);
        b.Property(m => m.Subject).HasMaxLength(EmailMessage.MaxSubjectLength);
        b.Property(m => m.Body).HasMaxLength(EmailMessage.MaxBodyLength);
        b.Property(m => m.Status).HasMaxLength(20);
        b.Property(m => m.Error).HasMaxLength(1000);
        b.Property(m => m.IdempotencyKey).HasMaxLength(200);
        // A resumed workflow step finds the e-mail it already wrote instead of sending twice.
        b.HasIndex(m => new { m.TenantId, m.IdempotencyKey }).IsUnique();
        b.HasIndex(m => new { m.TenantId, m.LeadId, m.CreatedAt });
        b.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lead>().WithMany().HasForeignKey(m => m.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}
