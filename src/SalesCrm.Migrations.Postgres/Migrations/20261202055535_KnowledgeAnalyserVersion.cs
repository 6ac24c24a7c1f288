using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeAnalyserVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AnalyserVersion",
                table: "knowledge_chunks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_chunks_AnalyserVersion",
                table: "knowledge_chunks",
                column: "AnalyserVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_knowledge_chunks_AnalyserVersion",
                table: "knowledge_chunks");

            migrationBuilder.DropColumn(
                name: "AnalyserVersion",
                table: "knowledge_chunks");
        }
    }
}
