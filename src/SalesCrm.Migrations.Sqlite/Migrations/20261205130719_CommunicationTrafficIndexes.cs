using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommunicationTrafficIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_messages_traffic",
                table: "messages",
                columns: new[] { "TenantId", "Direction", "LeadId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_leads_deleted",
                table: "leads",
                columns: new[] { "TenantId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_leads_live",
                table: "leads",
                columns: new[] { "TenantId", "Id", "DeletedAt" },
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messages_traffic",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "IX_leads_deleted",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "IX_leads_live",
                table: "leads");
        }
    }
}
