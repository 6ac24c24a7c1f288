using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeEmbeddings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_knowledge_chunks_TenantId_EmbeddedAt",
                table: "knowledge_chunks");

            // SQLite drops these columns in place (ALTER TABLE … DROP COLUMN, SQLite 3.35+): EF Core would rebuild the table,
            // which loses the triggers that keep the FTS5 tables in step (ADR 017). Keep this if the migration is regenerated.
            foreach (var column in new[] { "EmbeddedAt", "Embedding", "EmbeddingDimension", "EmbeddingModel" })
                migrationBuilder.Sql($"""ALTER TABLE "knowledge_chunks" DROP COLUMN "{column}";""");

            migrationBuilder.AddColumn<long>(
                name: "EmbeddingKey",
                table: "knowledge_chunks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "knowledge_chunk_embeddings",
                columns: table => new
                {
                    ChunkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Dimensions = table.Column<int>(type: "INTEGER", nullable: false),
                    Vector = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SourceKey = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_chunk_embeddings", x => x.ChunkId);
                    table.ForeignKey(
                        name: "FK_knowledge_chunk_embeddings_knowledge_chunks_ChunkId",
                        column: x => x.ChunkId,
                        principalTable: "knowledge_chunks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_chunk_embeddings_TenantId",
                table: "knowledge_chunk_embeddings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_chunk_embeddings_TenantId_Model_CreatedAt",
                table: "knowledge_chunk_embeddings",
                columns: new[] { "TenantId", "Model", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "knowledge_chunk_embeddings");

            migrationBuilder.DropColumn(
                name: "EmbeddingKey",
                table: "knowledge_chunks");

            migrationBuilder.AddColumn<DateTime>(
                name: "EmbeddedAt",
                table: "knowledge_chunks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Embedding",
                table: "knowledge_chunks",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmbeddingDimension",
                table: "knowledge_chunks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmbeddingModel",
                table: "knowledge_chunks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_chunks_TenantId_EmbeddedAt",
                table: "knowledge_chunks",
                columns: new[] { "TenantId", "EmbeddedAt" });
        }
    }
}
