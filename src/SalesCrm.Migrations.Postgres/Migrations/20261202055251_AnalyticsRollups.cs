using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lead_funnels",
                columns: table => new
                {
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    PipelineId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Stages = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lead_funnels", x => new { x.LeadId, x.PipelineId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_lead_stage_history_lead_path",
                table: "lead_stage_history",
                columns: new[] { "TenantId", "PipelineId", "LeadId", "At", "ToStageId" });

            migrationBuilder.CreateIndex(
                name: "IX_lead_funnels_period",
                table: "lead_funnels",
                columns: new[] { "TenantId", "PipelineId", "FirstAt", "LastAt", "Stages", "LeadId" });

            migrationBuilder.CreateIndex(
                name: "IX_lead_funnels_TenantId",
                table: "lead_funnels",
                column: "TenantId");

            // Triggers that keep lead_funnels equal to a roll-up of lead_stage_history, and its backfill (ADR 035).
            migrationBuilder.Sql(SalesCrm.Core.Analytics.LeadFunnelSql.Up(postgres: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SalesCrm.Core.Analytics.LeadFunnelSql.Down(postgres: true));

            migrationBuilder.DropTable(
                name: "lead_funnels");

            migrationBuilder.DropIndex(
                name: "IX_lead_stage_history_lead_path",
                table: "lead_stage_history");
        }
    }
}
