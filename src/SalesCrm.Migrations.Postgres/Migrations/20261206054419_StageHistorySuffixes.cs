using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StageHistorySuffixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PreviousAt",
                table: "lead_stage_history",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StagesFromHere",
                table: "lead_stage_history",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            // Triggers that keep the two columns, and the backfill of the history already stored (ADR 055).
            migrationBuilder.Sql(SalesCrm.Core.Analytics.StageSuffixSql.Up(postgres: true));

            migrationBuilder.CreateIndex(
                name: "IX_lead_stage_history_suffixes",
                table: "lead_stage_history",
                columns: new[] { "TenantId", "PipelineId", "At", "PreviousAt", "StagesFromHere", "LeadId" },
                filter: "\"PreviousAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_lead_funnels_overflow",
                table: "lead_funnels",
                columns: new[] { "TenantId", "PipelineId", "FirstAt", "LeadId" },
                filter: "\"Stages\" = '*'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SalesCrm.Core.Analytics.StageSuffixSql.Down(postgres: true));

            migrationBuilder.DropIndex(
                name: "IX_lead_stage_history_suffixes",
                table: "lead_stage_history");

            migrationBuilder.DropIndex(
                name: "IX_lead_funnels_overflow",
                table: "lead_funnels");

            migrationBuilder.DropColumn(
                name: "PreviousAt",
                table: "lead_stage_history");

            migrationBuilder.DropColumn(
                name: "StagesFromHere",
                table: "lead_stage_history");
        }
    }
}
