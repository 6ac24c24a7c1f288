using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    /// <summary>Issue 13: inbox items (parent, part, warnings), early WhatsApp statuses and reactions, phone_raw and the WhatsApp id, per-workspace processed keys and Idempotency-Key requests, webhook deactivation.</summary>
    public partial class RealWorldInputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_processed_keys",
                table: "processed_keys");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeactivatedAt",
                table: "webhook_subscriptions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeactivatedReason",
                table: "webhook_subscriptions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

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
                name: "Warnings",
                table: "webhook_inbox",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reaction",
                table: "messages",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneRaw",
                table: "leads",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhatsappId",
                table: "leads",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_processed_keys",
                table: "processed_keys",
                columns: new[] { "TenantId", "Key" });

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

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponseHeaders = table.Column<string>(type: "TEXT", nullable: true),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotent_requests", x => new { x.TenantId, x.CallerId, x.Key });
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

            migrationBuilder.CreateIndex(
                name: "IX_idempotent_requests_TenantId",
                table: "idempotent_requests",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_idempotent_requests_TenantId_ExpiresAt",
                table: "idempotent_requests",
                columns: new[] { "TenantId", "ExpiresAt" });

            // Phones are canonical with Brazil's ninth mobile digit (BrazilianNinthDigit): a mobile saved before in the
            // old 8-digit form (libphonenumber still accepted those starting with 7) gets it, so it matches its new spelling.
            migrationBuilder.Sql("""
                UPDATE leads SET "Phone" = substr("Phone", 1, 5) || '9' || substr("Phone", 6)
                WHERE length("Phone") = 13 AND substr("Phone", 1, 3) = '+55' AND substr("Phone", 6, 1) IN ('6', '7', '8', '9');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "early_message_statuses");

            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropPrimaryKey(
                name: "PK_processed_keys",
                table: "processed_keys");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "webhook_subscriptions");

            migrationBuilder.DropColumn(
                name: "DeactivatedReason",
                table: "webhook_subscriptions");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "webhook_inbox");

            migrationBuilder.DropColumn(
                name: "Part",
                table: "webhook_inbox");

            migrationBuilder.DropColumn(
                name: "Warnings",
                table: "webhook_inbox");

            migrationBuilder.DropColumn(
                name: "Reaction",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "PhoneRaw",
                table: "leads");

            migrationBuilder.DropColumn(
                name: "WhatsappId",
                table: "leads");

            migrationBuilder.AddPrimaryKey(
                name: "PK_processed_keys",
                table: "processed_keys",
                column: "Key");
        }
    }
}
