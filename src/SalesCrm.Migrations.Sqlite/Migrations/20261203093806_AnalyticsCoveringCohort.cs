using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsCoveringCohort : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_leads_analytics_close_dates",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "IX_leads_analytics_stages",
                table: "leads");

            migrationBuilder.CreateIndex(
                name: "IX_leads_analytics_close_dates",
                table: "leads",
                columns: new[] { "TenantId", "Status", "ExpectedCloseDate", "StageId", "Currency", "ValueCents", "OwnerId", "PipelineId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_leads_analytics_cohort",
                table: "leads",
                columns: new[] { "TenantId", "CreatedAt", "Source", "Status", "Currency", "ValueCents", "StageId", "OwnerId", "PipelineId", "Priority", "DeletedAt" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_leads_analytics_stages",
                table: "leads",
                columns: new[] { "TenantId", "PipelineId", "StageId", "Currency", "ValueCents", "DeletedAt" },
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_leads_analytics_close_dates",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "IX_leads_analytics_cohort",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "IX_leads_analytics_stages",
                table: "leads");

            migrationBuilder.CreateIndex(
                name: "IX_leads_analytics_close_dates",
                table: "leads",
                columns: new[] { "TenantId", "Status", "ExpectedCloseDate", "StageId", "Currency", "ValueCents", "OwnerId", "PipelineId" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_leads_analytics_stages",
                table: "leads",
                columns: new[] { "TenantId", "PipelineId", "StageId", "Currency", "ValueCents" },
                filter: "\"DeletedAt\" IS NULL");
        }
    }
}
