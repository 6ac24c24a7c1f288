using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
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

            migrationBuilder.DropColumn(
                name: "EmbeddedAt",
                table: "knowledge_chunks");

            migrationBuilder.DropColumn(
                name: "Embedding",
                table: "knowledge_chunks");

            migrationBuilder.DropColumn(
                name: "EmbeddingDimension",
                table: "knowledge_chunks");

            migrationBuilder.DropColumn(
                name: "EmbeddingModel",
                table: "knowledge_chunks");

            migrationBuilder.AddColumn<long>(
                name: "EmbeddingKey",
                table: "knowledge_chunks",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "knowledge_chunk_embeddings",
                columns: table => new
                {
                    ChunkId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Dimensions = table.Column<int>(type: "integer", nullable: false),
                    Vector = table.Column<byte[]>(type: "bytea", nullable: false),
                    SourceKey = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Embedding",
                table: "knowledge_chunks",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmbeddingDimension",
                table: "knowledge_chunks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmbeddingModel",
                table: "knowledge_chunks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_chunks_TenantId_EmbeddedAt",
                table: "knowledge_chunks",
                columns: new[] { "TenantId", "EmbeddedAt" });
        }
    }
}
