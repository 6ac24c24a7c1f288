using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LeadListPerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_leads_TenantId_OwnerId",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "IX_leads_TenantId_Status",
                table: "leads");

            migrationBuilder.CreateIndex(
                name: "IX_leads_TenantId_OwnerId_CreatedAt",
                table: "leads",
                columns: new[] { "TenantId", "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_leads_TenantId_Status_OwnerId",
                table: "leads",
                columns: new[] { "TenantId", "Status", "OwnerId" });

            // Text search (q=) is LIKE '%…%' over the folded search text and the phone: trigram GIN indexes serve it
            // (ADR 014). pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_leads_SearchText_trgm" ON leads USING gin ("SearchText" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_leads_Phone_trgm" ON leads USING gin ("Phone" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_leads_Phone_trgm";""");
            migrationBuilder.Sql("""DROP INDEX "IX_leads_SearchText_trgm";""");

            migrationBuilder.DropIndex(
                name: "IX_leads_TenantId_OwnerId_CreatedAt",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "IX_leads_TenantId_Status_OwnerId",
                table: "leads");

            migrationBuilder.CreateIndex(
                name: "IX_leads_TenantId_OwnerId",
                table: "leads",
                columns: new[] { "TenantId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_leads_TenantId_Status",
                table: "leads",
                columns: new[] { "TenantId", "Status" });
        }
    }
}
