using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Data;

internal sealed class KnowledgeDocumentConfiguration : IEntityTypeConfiguration<KnowledgeDocument>
{
    public void Configure(EntityTypeBuilder<KnowledgeDocument> b)
    {
        b.ToTable("knowledge_documents");
        b.Property(d => d.Title).HasMaxLength(KnowledgeLimits.TitleLength);
        b.Property(d => d.Type).HasConversion<SnakeEnumConverter<KnowledgeDocumentType>>().HasMaxLength(30);
        b.Property(d => d.Status).HasConversion<SnakeEnumConverter<KnowledgeDocumentStatus>>().HasMaxLength(20);
        b.Property(d => d.Language).HasMaxLength(10);
        b.Property(d => d.Metadata).HasConversion(Json.Converter<KnowledgeMetadata>(), Json.Comparer<KnowledgeMetadata>());
        b.Property(d => d.SourceFileName).HasMaxLength(260);
        b.Property(d => d.SourceMediaType).HasMaxLength(120);
        b.HasIndex(d => new { d.TenantId, d.Status, d.UpdatedAt });
        b.HasOne<Tenancy.Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeDocumentVersionConfiguration : IEntityTypeConfiguration<KnowledgeDocumentVersion>
{
    public void Configure(EntityTypeBuilder<KnowledgeDocumentVersion> b)
    {
        b.ToTable("knowledge_document_versions");
        b.Property(v => v.Title).HasMaxLength(KnowledgeLimits.TitleLength);
        b.HasIndex(v => new { v.DocumentId, v.Version }).IsUnique();
        b.HasOne<KnowledgeDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeChunkConfiguration : IEntityTypeConfiguration<KnowledgeChunk>
{
    public void Configure(EntityTypeBuilder<KnowledgeChunk> b)
    {
        b.ToTable("knowledge_chunks");
        b.Property(c => c.Language).HasMaxLength(10);
        b.HasIndex(c => new { c.DocumentId, c.Ordinal });
        // Workspace first (ADR 025): with the tenant filter every query also says TenantId = ?, and SQLite's planner (no
        // statistics) took the one-column TenantId index over the chunk or document key, reading the whole workspace.
        b.HasIndex(c => new { c.TenantId, c.Id });
        b.HasIndex(c => new { c.TenantId, c.DocumentId, c.Ordinal });
        // Re-analysis after a start looks for chunks stamped with an older analyser (ADR 034): an empty range when none is.
        b.HasIndex(c => c.AnalyserVersion);
        b.HasOne<KnowledgeDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeChunkFeedbackConfiguration : IEntityTypeConfiguration<KnowledgeChunkFeedback>
{
    public void Configure(EntityTypeBuilder<KnowledgeChunkFeedback> b)
    {
        b.ToTable("knowledge_chunk_feedback");
        // One row per chunk and rated question (ADR 034); existing rows keep "" (question unknown).
        b.HasKey(f => new { f.ChunkId, f.Question });
        b.Property(f => f.Question).HasMaxLength(KnowledgeFeedbackSimilarity.KeyLength);
        b.HasOne<KnowledgeChunk>().WithMany().HasForeignKey(f => f.ChunkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeChunkEmbeddingConfiguration : IEntityTypeConfiguration<KnowledgeChunkEmbedding>
{
    public void Configure(EntityTypeBuilder<KnowledgeChunkEmbedding> b)
    {
        b.ToTable("knowledge_chunk_embeddings");
        b.HasKey(e => e.ChunkId);
        b.Property(e => e.Model).HasMaxLength(200);
        // The vector cache's freshness check: the newest row of a workspace's model.
        b.HasIndex(e => new { e.TenantId, e.Model, e.CreatedAt });
        b.HasOne<KnowledgeChunk>().WithOne().HasForeignKey<KnowledgeChunkEmbedding>(e => e.ChunkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeTermConfiguration : IEntityTypeConfiguration<KnowledgeTerm>
{
    public void Configure(EntityTypeBuilder<KnowledgeTerm> b)
    {
        // Written by triggers only (ADR 025); the workspace leads the key, so a search reads its own statistics.
        b.ToTable("knowledge_terms");
        b.HasKey(t => new { t.TenantId, t.Term });
        b.HasOne<Tenancy.Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
