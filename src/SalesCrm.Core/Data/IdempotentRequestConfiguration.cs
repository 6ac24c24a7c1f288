using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Data;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> b)
    {
        b.ToTable("idempotent_requests");
        b.HasKey(r => new { r.TenantId, r.CallerId, r.Key });
        b.Property(r => r.Key).HasMaxLength(IdempotencyStore.MaxKeyLength);
        b.Property(r => r.Fingerprint).HasMaxLength(64);
        b.HasIndex(r => new { r.TenantId, r.ExpiresAt });
    }
}
