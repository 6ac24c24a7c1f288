using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkspaceIdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_processed_keys",
                table: "processed_keys");

            migrationBuilder.AddPrimaryKey(
                name: "PK_processed_keys",
                table: "processed_keys",
                columns: new[] { "TenantId", "Key" });

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CallerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    ResponseHeaders = table.Column<string>(type: "text", nullable: true),
                    ResponseBody = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotent_requests", x => new { x.TenantId, x.CallerId, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_idempotent_requests_TenantId",
                table: "idempotent_requests",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_idempotent_requests_TenantId_ExpiresAt",
                table: "idempotent_requests",
                columns: new[] { "TenantId", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropPrimaryKey(
                name: "PK_processed_keys",
                table: "processed_keys");

            migrationBuilder.AddPrimaryKey(
                name: "PK_processed_keys",
                table: "processed_keys",
                column: "Key");
        }
    }
}
