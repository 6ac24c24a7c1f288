using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Common;

namespace SalesCrm.Core.Data;

internal sealed class InstallationSecretConfiguration : IEntityTypeConfiguration<InstallationSecret>
{
    public void Configure(EntityTypeBuilder<InstallationSecret> b)
    {
        b.ToTable("installation_secrets");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(InstallationSecret.MaxNameLength);
    }
}
