using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Storage;

namespace SalesCrm.Core.Data;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("stored_files");
        b.HasKey(f => new { f.TenantId, f.Key });
        b.Property(f => f.Key).HasMaxLength(StoredFile.MaxKeyLength);
        b.Property(f => f.ContentType).HasMaxLength(200);
    }
}
