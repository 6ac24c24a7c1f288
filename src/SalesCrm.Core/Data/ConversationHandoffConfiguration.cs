using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Core.Data;

internal sealed class ConversationHandoffConfiguration : IEntityTypeConfiguration<ConversationHandoff>
{
    public void Configure(EntityTypeBuilder<ConversationHandoff> b)
    {
        b.ToTable("conversation_handoffs");
        b.Property(h => h.Reason).HasMaxLength(20);
        b.HasOne<Leads.Lead>().WithMany().HasForeignKey(h => h.LeadId).OnDelete(DeleteBehavior.Cascade);
        // The bot's check (is a person handling this lead now?) reads only open hand-offs.
        b.HasIndex(h => new { h.TenantId, h.LeadId }).HasDatabaseName("IX_conversation_handoffs_open").HasFilter("\"ReleasedAt\" IS NULL");
    }
}
