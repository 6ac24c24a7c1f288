using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Copilot;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Core.Data;

internal sealed class CopilotSessionConfiguration : IEntityTypeConfiguration<CopilotSession>
{
    public void Configure(EntityTypeBuilder<CopilotSession> b)
    {
        b.ToTable("copilot_sessions");
        b.Property(s => s.Intent).HasConversion<SnakeEnumConverter<CopilotIntent>>().HasMaxLength(20);
        b.Property(s => s.Provider).HasConversion<SnakeEnumConverter<SuggestionOrigin>>().HasMaxLength(10);
        b.Property(s => s.Outcome).HasConversion<SnakeEnumConverter<CopilotOutcome>>().HasMaxLength(20);
        b.Property(s => s.Context).HasMaxLength(CopilotLimits.ContextLength);
        b.Property(s => s.Error).HasMaxLength(1000);
        b.HasIndex(s => new { s.TenantId, s.CreatedAt });
        b.HasIndex(s => new { s.TenantId, s.UserId, s.CreatedAt });
        b.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CopilotSuggestionConfiguration : IEntityTypeConfiguration<CopilotSuggestion>
{
    public void Configure(EntityTypeBuilder<CopilotSuggestion> b)
    {
        b.ToTable("copilot_suggestions");
        b.Property(s => s.Text).HasMaxLength(CopilotLimits.SuggestionLength);
        b.Property(s => s.Origin).HasConversion<SnakeEnumConverter<SuggestionOrigin>>().HasMaxLength(10);
        b.Property(s => s.Sources).HasConversion(Json.Converter<List<SuggestionSource>>(), Json.Comparer<List<SuggestionSource>>());
        b.Property(s => s.Comment).HasMaxLength(CopilotLimits.CommentLength);
        b.HasOne<CopilotSession>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.TenantId, s.SessionId });
        b.HasIndex(s => new { s.TenantId, s.CreatedAt });
    }
}

internal sealed class StaticSuggestionConfiguration : IEntityTypeConfiguration<StaticSuggestion>
{
    public void Configure(EntityTypeBuilder<StaticSuggestion> b)
    {
        b.ToTable("copilot_static_suggestions");
        b.Property(s => s.Intent).HasConversion<SnakeEnumConverter<CopilotIntent>>().HasMaxLength(20);
        b.Property(s => s.Text).HasMaxLength(CopilotLimits.SuggestionLength);
        b.HasIndex(s => new { s.TenantId, s.Intent, s.Position });
        b.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CopilotCacheEntryConfiguration : IEntityTypeConfiguration<CopilotCacheEntry>
{
    public void Configure(EntityTypeBuilder<CopilotCacheEntry> b)
    {
        b.ToTable("copilot_cache");
        b.Property(c => c.Key).HasMaxLength(64);
        b.Property(c => c.Intent).HasConversion<SnakeEnumConverter<CopilotIntent>>().HasMaxLength(20);
        b.Property(c => c.Provider).HasConversion<SnakeEnumConverter<SuggestionOrigin>>().HasMaxLength(10);
        b.Property(c => c.NormalizedContext).HasMaxLength(CopilotLimits.ContextLength);
        b.Property(c => c.Suggestions).HasConversion(Json.Converter<List<CachedSuggestion>>(), Json.Comparer<List<CachedSuggestion>>());
        b.HasIndex(c => new { c.TenantId, c.Key });
        b.HasIndex(c => c.ExpiresAt);
        b.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
