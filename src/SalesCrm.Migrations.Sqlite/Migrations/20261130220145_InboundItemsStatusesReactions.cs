using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InboundItemsStatusesReactions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ParentId",
                table: "webhook_inbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Part",
                table: "webhook_inbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reaction",
                table: "messages",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "early_message_statuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderMessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_early_message_statuses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_early_message_statuses_ReceivedAt",
                table: "early_message_statuses",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_early_message_statuses_TenantId",
                table: "early_message_statuses",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_early_message_statuses_TenantId_ProviderMessageId",
                table: "early_message_statuses",
                columns: new[] { "TenantId", "ProviderMessageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "early_message_statuses");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "webhook_inbox");

            migrationBuilder.DropColumn(
                name: "Part",
                table: "webhook_inbox");

            migrationBuilder.DropColumn(
                name: "Reaction",
                table: "messages");
        }
    }
}
