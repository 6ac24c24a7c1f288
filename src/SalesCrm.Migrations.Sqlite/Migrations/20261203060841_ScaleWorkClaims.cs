using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScaleWorkClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "webhook_inbox",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "webhook_inbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "webhook_deliveries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsRedelivery",
                table: "webhook_deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "webhook_deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "event_subscriber_retries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subscriber = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Failed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_subscriber_retries", x => x.Id);
                });

            // Redeliveries made before this column existed are extra rows for the same event: mark all but the first so the
            // one-delivery-per-subscription-and-event key can be built on existing data.
            migrationBuilder.Sql("""
                UPDATE webhook_deliveries SET "IsRedelivery" = TRUE
                WHERE "EventId" IS NOT NULL AND "Id" <> (SELECT d2."Id" FROM webhook_deliveries AS d2
                    WHERE d2."SubscriptionId" = webhook_deliveries."SubscriptionId" AND d2."EventId" = webhook_deliveries."EventId"
                    ORDER BY d2."CreatedAt", d2."Id" LIMIT 1)
                """);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_SubscriptionId_EventId_once",
                table: "webhook_deliveries",
                columns: new[] { "SubscriptionId", "EventId" },
                unique: true,
                filter: "\"EventId\" IS NOT NULL AND \"IsRedelivery\" = FALSE");

            migrationBuilder.CreateIndex(
                name: "IX_event_subscriber_retries_EventId_Subscriber",
                table: "event_subscriber_retries",
                columns: new[] { "EventId", "Subscriber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_event_subscriber_retries_Failed_NextAttemptAt",
                table: "event_subscriber_retries",
                columns: new[] { "Failed", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_event_subscriber_retries_TenantId",
                table: "event_subscriber_retries",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "event_subscriber_retries");

            migrationBuilder.DropIndex(
                name: "IX_webhook_deliveries_SubscriptionId_EventId_once",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "webhook_inbox");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "webhook_inbox");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "IsRedelivery",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "webhook_deliveries");
        }
    }
}
