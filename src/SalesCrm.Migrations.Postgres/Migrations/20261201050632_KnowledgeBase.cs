using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "knowledge_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    Metadata = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    SourceFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    SourceMediaType = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledge_documents_tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_chunks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    HeadingPath = table.Column<List<string>>(type: "text[]", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    CharCount = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Edited = table.Column<bool>(type: "boolean", nullable: false),
                    Searchable = table.Column<bool>(type: "boolean", nullable: false),
                    SearchHeading = table.Column<string>(type: "text", nullable: false),
                    SearchBody = table.Column<string>(type: "text", nullable: false),
                    SearchText = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Embedding = table.Column<byte[]>(type: "bytea", nullable: true),
                    EmbeddingModel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EmbeddingDimension = table.Column<int>(type: "integer", nullable: true),
                    EmbeddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_chunks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledge_chunks_knowledge_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "knowledge_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_document_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_document_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledge_document_versions_knowledge_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "knowledge_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_chunk_feedback",
                columns: table => new
                {
                    ChunkId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ups = table.Column<int>(type: "integer", nullable: false),
                    Downs = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_chunk_feedback", x => x.ChunkId);
                    table.ForeignKey(
                        name: "FK_knowledge_chunk_feedback_knowledge_chunks_ChunkId",
                        column: x => x.ChunkId,
                        principalTable: "knowledge_chunks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_chunk_feedback_TenantId",
                table: "knowledge_chunk_feedback",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_chunks_DocumentId_Ordinal",
                table: "knowledge_chunks",
                columns: new[] { "DocumentId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_chunks_TenantId",
                table: "knowledge_chunks",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_chunks_TenantId_EmbeddedAt",
                table: "knowledge_chunks",
                columns: new[] { "TenantId", "EmbeddedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_document_versions_DocumentId_Version",
                table: "knowledge_document_versions",
                columns: new[] { "DocumentId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_document_versions_TenantId",
                table: "knowledge_document_versions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_documents_TenantId",
                table: "knowledge_documents",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_documents_TenantId_Status_UpdatedAt",
                table: "knowledge_documents",
                columns: new[] { "TenantId", "Status", "UpdatedAt" });

            // Knowledge search (ADR 017): a generated tsvector of the analysed heading (A) and body (B) in the chunk's
            // language's configuration over unaccent, and a trigram index on the folded text. unaccent() is only STABLE
            // (its dictionary could change), so generated columns and indexes go through an IMMUTABLE wrapper naming the
            // dictionary; both extensions ship with PostgreSQL (contrib) and are trusted.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION knowledge_unaccent(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION knowledge_ts_config(text) RETURNS regconfig
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT CASE $1 WHEN 'en' THEN 'pg_catalog.english'::regconfig WHEN 'es' THEN 'pg_catalog.spanish'::regconfig ELSE 'pg_catalog.portuguese'::regconfig END $$;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE knowledge_chunks ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector(knowledge_ts_config("Language"), knowledge_unaccent("SearchHeading")), 'A') ||
                    setweight(to_tsvector(knowledge_ts_config("Language"), knowledge_unaccent("SearchBody")), 'B')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_knowledge_chunks_SearchVector" ON knowledge_chunks USING gin ("SearchVector");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_knowledge_chunks_SearchText_trgm" ON knowledge_chunks USING gin ("SearchText" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_knowledge_chunks_SearchText_trgm";""");
            migrationBuilder.Sql("""DROP INDEX "IX_knowledge_chunks_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE knowledge_chunks DROP COLUMN "SearchVector";""");
            migrationBuilder.Sql("DROP FUNCTION knowledge_ts_config(text);");
            migrationBuilder.Sql("DROP FUNCTION knowledge_unaccent(text);");
            migrationBuilder.DropTable(
                name: "knowledge_chunk_feedback");

            migrationBuilder.DropTable(
                name: "knowledge_document_versions");

            migrationBuilder.DropTable(
                name: "knowledge_chunks");

            migrationBuilder.DropTable(
                name: "knowledge_documents");
        }
    }
}
