using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowBotMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientKey",
                table: "messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Interactive",
                table: "messages",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WorkflowRunId",
                table: "messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "conversation_handoffs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedTo = table.Column<Guid>(type: "TEXT", nullable: true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HandedOffAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_handoffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conversation_handoffs_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_messages_TenantId_ClientKey",
                table: "messages",
                columns: new[] { "TenantId", "ClientKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conversation_handoffs_LeadId",
                table: "conversation_handoffs",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_conversation_handoffs_open",
                table: "conversation_handoffs",
                columns: new[] { "TenantId", "LeadId" },
                filter: "\"ReleasedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_conversation_handoffs_TenantId",
                table: "conversation_handoffs",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_handoffs");

            migrationBuilder.DropIndex(
                name: "IX_messages_TenantId_ClientKey",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "ClientKey",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "Interactive",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "WorkflowRunId",
                table: "messages");
        }
    }
}
