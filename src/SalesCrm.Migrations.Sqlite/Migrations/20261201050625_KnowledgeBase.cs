using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Metadata = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    SourceFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    SourceMediaType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    HeadingPath = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    CharCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Edited = table.Column<bool>(type: "INTEGER", nullable: false),
                    Searchable = table.Column<bool>(type: "INTEGER", nullable: false),
                    SearchHeading = table.Column<string>(type: "TEXT", nullable: false),
                    SearchBody = table.Column<string>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Embedding = table.Column<byte[]>(type: "BLOB", nullable: true),
                    EmbeddingModel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EmbeddingDimension = table.Column<int>(type: "INTEGER", nullable: true),
                    EmbeddedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    ChunkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ups = table.Column<int>(type: "INTEGER", nullable: false),
                    Downs = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            // Knowledge search (ADR 017): two FTS5 tables kept by triggers on knowledge_chunks, so a chunk is indexed in the
            // same transaction that writes it. knowledge_fts: the analysed heading and body (BM25, accents folded);
            // knowledge_trgm: the folded text as character trigrams. Keyed by knowledge_search_keys' INTEGER PRIMARY KEY
            // (VACUUM may renumber the chunks' implicit rowid), which carries the workspace and whether search reads it.
            migrationBuilder.Sql("""
                CREATE TABLE "knowledge_search_keys" ("Id" INTEGER PRIMARY KEY, "ChunkId" TEXT NOT NULL UNIQUE, "TenantId" TEXT NOT NULL, "Searchable" INTEGER NOT NULL);
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "knowledge_fts" USING fts5("heading", "body", tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "knowledge_trgm" USING fts5("text", tokenize = 'trigram case_sensitive 1');
                """);
            // Term statistics of both tables (chunks per term), read to query the rarest terms first within a budget.
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "knowledge_fts_vocab" USING fts5vocab("knowledge_fts", 'row');""");
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "knowledge_trgm_vocab" USING fts5vocab("knowledge_trgm", 'row');""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "knowledge_chunks_search_insert" AFTER INSERT ON "knowledge_chunks" BEGIN
                    INSERT INTO "knowledge_search_keys" ("ChunkId", "TenantId", "Searchable") VALUES (new."Id", new."TenantId", new."Searchable");
                    INSERT INTO "knowledge_fts" (rowid, "heading", "body")
                    VALUES ((SELECT "Id" FROM "knowledge_search_keys" WHERE "ChunkId" = new."Id"), new."SearchHeading", new."SearchBody");
                    INSERT INTO "knowledge_trgm" (rowid, "text")
                    VALUES ((SELECT "Id" FROM "knowledge_search_keys" WHERE "ChunkId" = new."Id"), new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "knowledge_chunks_search_update" AFTER UPDATE OF "SearchHeading", "SearchBody", "SearchText", "Searchable" ON "knowledge_chunks" BEGIN
                    UPDATE "knowledge_search_keys" SET "Searchable" = new."Searchable" WHERE "ChunkId" = new."Id";
                    UPDATE "knowledge_fts" SET "heading" = new."SearchHeading", "body" = new."SearchBody"
                    WHERE rowid = (SELECT "Id" FROM "knowledge_search_keys" WHERE "ChunkId" = new."Id") AND (old."SearchHeading" IS NOT new."SearchHeading" OR old."SearchBody" IS NOT new."SearchBody");
                    UPDATE "knowledge_trgm" SET "text" = new."SearchText"
                    WHERE rowid = (SELECT "Id" FROM "knowledge_search_keys" WHERE "ChunkId" = new."Id") AND old."SearchText" IS NOT new."SearchText";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "knowledge_chunks_search_delete" AFTER DELETE ON "knowledge_chunks" BEGIN
                    DELETE FROM "knowledge_fts" WHERE rowid = (SELECT "Id" FROM "knowledge_search_keys" WHERE "ChunkId" = old."Id");
                    DELETE FROM "knowledge_trgm" WHERE rowid = (SELECT "Id" FROM "knowledge_search_keys" WHERE "ChunkId" = old."Id");
                    DELETE FROM "knowledge_search_keys" WHERE "ChunkId" = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "knowledge_chunks_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "knowledge_chunks_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER "knowledge_chunks_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE "knowledge_trgm_vocab";""");
            migrationBuilder.Sql("""DROP TABLE "knowledge_fts_vocab";""");
            migrationBuilder.Sql("""DROP TABLE "knowledge_trgm";""");
            migrationBuilder.Sql("""DROP TABLE "knowledge_fts";""");
            migrationBuilder.Sql("""DROP TABLE "knowledge_search_keys";""");
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
