using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeFeedbackQuestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_knowledge_chunk_feedback",
                table: "knowledge_chunk_feedback");

            migrationBuilder.AddColumn<string>(
                name: "Question",
                table: "knowledge_chunk_feedback",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_knowledge_chunk_feedback",
                table: "knowledge_chunk_feedback",
                columns: new[] { "ChunkId", "Question" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_knowledge_chunk_feedback",
                table: "knowledge_chunk_feedback");

            migrationBuilder.DropColumn(
                name: "Question",
                table: "knowledge_chunk_feedback");

            migrationBuilder.AddPrimaryKey(
                name: "PK_knowledge_chunk_feedback",
                table: "knowledge_chunk_feedback",
                column: "ChunkId");
        }
    }
}
