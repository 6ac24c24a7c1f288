using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Part",
                table: "webhook_inbox",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reaction",
                table: "messages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "early_message_statuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderMessageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
