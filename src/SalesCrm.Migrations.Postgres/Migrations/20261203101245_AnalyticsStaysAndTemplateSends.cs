using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsStaysAndTemplateSends : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messages_template_sends",
                table: "messages");

            migrationBuilder.CreateIndex(
                name: "IX_messages_template_sends",
                table: "messages",
                columns: new[] { "TenantId", "Direction", "CreatedAt", "TemplateId", "LeadId", "Status" },
                filter: "\"TemplateId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_lead_stage_history_stays",
                table: "lead_stage_history",
                columns: new[] { "TenantId", "PipelineId", "At", "FromStageId", "SecondsInFromStage" },
                filter: "\"FromStageId\" IS NOT NULL AND \"SecondsInFromStage\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messages_template_sends",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "IX_lead_stage_history_stays",
                table: "lead_stage_history");

            migrationBuilder.CreateIndex(
                name: "IX_messages_template_sends",
                table: "messages",
                columns: new[] { "TenantId", "CreatedAt", "TemplateId", "LeadId", "Status" },
                filter: "\"TemplateId\" IS NOT NULL");
        }
    }
}
