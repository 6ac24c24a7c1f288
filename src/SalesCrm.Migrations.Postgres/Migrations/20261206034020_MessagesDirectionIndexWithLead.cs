using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MessagesDirectionIndexWithLead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messages_TenantId_Direction_CreatedAt",
                table: "messages");

            migrationBuilder.CreateIndex(
                name: "IX_messages_TenantId_Direction_CreatedAt_LeadId",
                table: "messages",
                columns: new[] { "TenantId", "Direction", "CreatedAt", "LeadId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messages_TenantId_Direction_CreatedAt_LeadId",
                table: "messages");

            migrationBuilder.CreateIndex(
                name: "IX_messages_TenantId_Direction_CreatedAt",
                table: "messages",
                columns: new[] { "TenantId", "Direction", "CreatedAt" });
        }
    }
}
