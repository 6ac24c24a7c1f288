using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsPerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_lead_stage_history_TenantId_PipelineId_At",
                table: "lead_stage_history");

            migrationBuilder.DropIndex(
                name: "IX_lead_responses_TenantId_Kind_RespondedAt",
                table: "lead_responses");

            migrationBuilder.DropIndex(
                name: "IX_lead_responses_TenantId_Kind_WaitingSince",
                table: "lead_responses");

            migrationBuilder.CreateIndex(
                name: "IX_messages_template_sends",
                table: "messages",
                columns: new[] { "TenantId", "CreatedAt", "TemplateId", "LeadId", "Status" },
                filter: "\"TemplateId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_messages_TenantId_Direction_CreatedAt",
                table: "messages",
                columns: new[] { "TenantId", "Direction", "CreatedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_lead_stage_history_closings",
                table: "lead_stage_history",
                columns: new[] { "TenantId", "At", "PipelineId", "ToStatus", "FromStatus", "OwnerId", "Currency", "ValueCents", "LeadId", "LostReason" },
                filter: "\"ToStatus\" <> 'open'");

            migrationBuilder.CreateIndex(
                name: "IX_lead_stage_history_pipeline_period",
                table: "lead_stage_history",
                columns: new[] { "TenantId", "PipelineId", "At", "LeadId", "ToStageId", "FromStageId", "SecondsInFromStage" });

            migrationBuilder.CreateIndex(
                name: "IX_lead_responses_TenantId_Kind_RespondedAt_ResponderId_Seconds",
                table: "lead_responses",
                columns: new[] { "TenantId", "Kind", "RespondedAt", "ResponderId", "Seconds" });

            migrationBuilder.CreateIndex(
                name: "IX_lead_responses_TenantId_Kind_WaitingSince_Seconds",
                table: "lead_responses",
                columns: new[] { "TenantId", "Kind", "WaitingSince", "Seconds" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_messages_template_sends",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "IX_messages_TenantId_Direction_CreatedAt",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "IX_leads_analytics_close_dates",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "IX_leads_analytics_stages",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "IX_lead_stage_history_closings",
                table: "lead_stage_history");

            migrationBuilder.DropIndex(
                name: "IX_lead_stage_history_pipeline_period",
                table: "lead_stage_history");

            migrationBuilder.DropIndex(
                name: "IX_lead_responses_TenantId_Kind_RespondedAt_ResponderId_Seconds",
                table: "lead_responses");

            migrationBuilder.DropIndex(
                name: "IX_lead_responses_TenantId_Kind_WaitingSince_Seconds",
                table: "lead_responses");

            migrationBuilder.CreateIndex(
                name: "IX_lead_stage_history_TenantId_PipelineId_At",
                table: "lead_stage_history",
                columns: new[] { "TenantId", "PipelineId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_lead_responses_TenantId_Kind_RespondedAt",
                table: "lead_responses",
                columns: new[] { "TenantId", "Kind", "RespondedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_lead_responses_TenantId_Kind_WaitingSince",
                table: "lead_responses",
                columns: new[] { "TenantId", "Kind", "WaitingSince" });
        }
    }
}
